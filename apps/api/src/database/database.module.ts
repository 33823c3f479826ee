import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';
import { serializeSqliteTransactions } from './serialized-transactions.js';
import { SqliteCheckpoints } from './sqlite-checkpoints.js';
import { bindSqliteNumbers } from './sqlite-number-parameters.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({ ...dataSourceOptions(environment), migrationsRun: true }),
      dataSourceFactory: async (options) => serializeSqliteTransactions(bindSqliteNumbers(new DataSource(options!))),
    }),
  ],
  providers: [SqliteCheckpoints],
})
export class DatabaseModule {}
