import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Environment, EnvironmentError, loadEnvironment } from '../config/environment.js';
import { dataSourceOptions, prepareSqliteFolder } from './data-source-options.js';
import { DatabaseUnreachableError, waitForDatabase } from './database-reachability.js';

/**
 * The settings, checked as the server checks them. A bad one, or a database the tools cannot reach, is said here in
 * the server's words and ends the process: TypeORM's CLI would wrap it in an error of its own with two stack traces.
 */
async function checkedEnvironment(): Promise<Environment> {
  try {
    const environment = loadEnvironment();
    prepareSqliteFolder(environment);
    await waitForDatabase(environment, { attempts: 1, delaySeconds: 0 });
    return environment;
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof DatabaseUnreachableError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** For the TypeORM CLI: `npm run migration:run`, `migration:revert`, `migration:show`. */
export default new DataSource(dataSourceOptions(await checkedEnvironment()));
