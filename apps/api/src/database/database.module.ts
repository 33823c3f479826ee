import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';
import { serializeSqliteTransactions } from './serialized-transactions.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({ ...dataSourceOptions(environment), migrationsRun: true }),
      dataSourceFactory: async (options) => serializeSqliteTransactions(new DataSource(options!)),
    }),
  ],
})
export class DatabaseModule {}
