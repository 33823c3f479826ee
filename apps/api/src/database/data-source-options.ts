import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { Environment, EnvironmentError } from '../config/environment.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SqlLogger } from './sql-logger.js';

/** Why the folder of SQLITE_PATH could not be made, for the errors an operator can fix there. */
const sqliteFolderProblems: Record<string, string> = {
  EEXIST: 'a part of its folder is a file, not a folder',
  ENOTDIR: 'a part of its folder is a file, not a folder',
  EACCES: 'its folder cannot be made here (permission denied)',
  EPERM: 'its folder cannot be made here (permission denied)',
  EROFS: 'its folder is on a read-only file system',
};

/**
 * Makes the folder of the SQLite file, before the app starts (the server and the command-line tools): an unusable
 * SQLITE_PATH is told as a configuration error, not as a stack trace from inside Nest.
 */
export function prepareSqliteFolder(environment: Environment): void {
  if (environment.DATABASE_URL || environment.SQLITE_PATH === ':memory:') return;
  const unusable = (reason: string) => new EnvironmentError([`SQLITE_PATH: cannot use ${environment.SQLITE_PATH}: ${reason}`]);
  try {
    mkdirSync(dirname(environment.SQLITE_PATH), { recursive: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw unusable(sqliteFolderProblems[code ?? ''] ?? message);
  }
  if (statSync(environment.SQLITE_PATH, { throwIfNoEntry: false })?.isDirectory()) throw unusable('it is a folder, not a file');
}

/** The one data source definition: the app and the migration CLI both build from it. */
export function dataSourceOptions(environment: Environment, logger = new SqlLogger()): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logger, maxQueryExecutionTime: 500 } as const;
  if (environment.DATABASE_URL) {
    const poolSize = environment.DATABASE_POOL_SIZE + (environment.JOB_WORKERS ? environment.JOB_CONCURRENCY : 0);
    return { type: 'postgres', url: environment.DATABASE_URL, extra: { max: poolSize }, ...common };
  }
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
