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
      // No retries here: the server and the tools wait for the database before the app is built (waitForDatabase), and
      // what fails after that (a migration) is not mended by running it again.
      useFactory: (environment: Environment) => ({ ...dataSourceOptions(environment), migrationsRun: true, toRetry: () => false }),
      dataSourceFactory: async (options) => serializeSqliteTransactions(bindSqliteNumbers(new DataSource(options!))),
    }),
  ],
  providers: [SqliteCheckpoints],
})
export class DatabaseModule {}
