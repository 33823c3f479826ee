import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI: `npm run migration:run`, `migration:revert`, `migration:show`. */
export default new DataSource(dataSourceOptions(loadEnvironment()));
