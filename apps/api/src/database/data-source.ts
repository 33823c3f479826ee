import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions, prepareSqliteFolder } from './data-source-options.js';

/** For the TypeORM CLI: `npm run migration:run`, `migration:revert`, `migration:show`. */
const environment = loadEnvironment();
prepareSqliteFolder(environment);
export default new DataSource(dataSourceOptions(environment));
