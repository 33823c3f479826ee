import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { Environment } from '../config/environment.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SqlLogger } from './sql-logger.js';

/** The one data source definition: the app and the migration CLI both build from it. */
export function dataSourceOptions(environment: Environment, logger = new SqlLogger()): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logger, maxQueryExecutionTime: 500 } as const;
  if (environment.DATABASE_URL) {
    const poolSize = environment.DATABASE_POOL_SIZE + (environment.JOB_WORKERS ? environment.JOB_CONCURRENCY : 0);
    return { type: 'postgres', url: environment.DATABASE_URL, extra: { max: poolSize }, ...common };
  }
  if (environment.SQLITE_PATH !== ':memory:') mkdirSync(dirname(environment.SQLITE_PATH), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: environment.SQLITE_PATH,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma(`synchronous = ${environment.SQLITE_SYNCHRONOUS}`);
    },
    ...common,
  };
}
