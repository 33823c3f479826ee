import type { Database, Statement } from 'better-sqlite3';
import { DataSource, EntityManager, QueryFailedError, QueryResult } from 'typeorm';

/*
 * Hand-written SQL for the hot reads and writes, on both engines, without TypeORM's query builder and entity hydration
 * (a third of a thread page's CPU, a fifth of a reply's). Statements are written once with PostgreSQL's `$1` parameters; rows come back
 * with each engine's own value types, which the converters below make alike.
 */

/** Collects the parameters of a statement being built: `sql.param(value)` returns its `$n`. */
export class SqlParameters {
  readonly values: unknown[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** The parameters of an `IN (...)` list: `$1, $2, ...`. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.param(value)).join(', ');
  }
}

const sqliteTexts = new Map<string, { text: string; order: number[] }>();
const sqliteStatements = new WeakMap<Database, Map<string, Statement>>();

/**
 * Runs a statement written with `$n` parameters, inside `on`'s transaction when it is a transaction's manager: its
 * rows (a write's RETURNING rows) and how many rows it changed.
 */
export async function sqlExecute<Row>(
  on: DataSource | EntityManager,
  text: string,
  parameters: readonly unknown[],
): Promise<{ rows: Row[]; affected: number }> {
  const manager = on instanceof EntityManager ? on : on.manager;
  if (!isPostgres(manager.connection)) return sqliteExecute<Row>(manager.connection, text, parameters);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    // The structured result says how many rows a write changed (PostgreSQL's rowCount).
    const result = (await runner.query(text, [...parameters], true)) as QueryResult<Row>;
    const rows = result.records ?? [];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * SQLite runs a statement on its one connection (a transaction's too) synchronously: straight on better-sqlite3, not
 * through TypeORM's query runner, whose events, awaits and result wrapping cost more CPU than a small statement. It is
 * counted, logged when slow and its failure wrapped as TypeORM's query does.
 */
export function sqliteExecute<Row>(
  dataSource: DataSource,
  text: string,
  parameters: readonly unknown[],
): { rows: Row[]; affected: number } {
  let sqlite = sqliteTexts.get(text);
  if (!sqlite) {
    // better-sqlite3 binds `?` in order of appearance; a `$n` may appear more than once.
    const order: number[] = [];
    sqlite = { text: text.replace(/\$(\d+)/g, (_match, index: string) => (order.push(Number(index) - 1), '?')), order };
    if (sqliteTexts.size < 1000) sqliteTexts.set(text, sqlite);
  }
  const values = sqlite.order.map((index) => toSqliteValue(parameters[index]));
  const { logger } = dataSource;
  logger.logQuery(sqlite.text, values);
  const started = Date.now();
  try {
    const statement = preparedSqlite(dataSource, sqlite.text);
    let result: { rows: Row[]; affected: number };
    if (statement.reader) {
      const rows = statement.all(...values) as Row[];
      result = { rows, affected: rows.length };
    } else {
      result = { rows: [], affected: statement.run(...values).changes };
    }
    const elapsed = Date.now() - started;
    const slow = dataSource.options.maxQueryExecutionTime;
    if (slow && elapsed > slow) logger.logQuerySlow(elapsed, sqlite.text, values);
    return result;
  } catch (error) {
    logger.logQueryError(error as Error, sqlite.text, values);
    throw new QueryFailedError(sqlite.text, values, error as Error);
  }
}

/** better-sqlite3's connection under TypeORM's driver (the one connection of a SQLite data source). */
export function sqliteDatabase(dataSource: DataSource): Database {
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}

function preparedSqlite(dataSource: DataSource, text: string): Statement {
  const database = sqliteDatabase(dataSource);
  let statements = sqliteStatements.get(database);
  if (!statements) sqliteStatements.set(database, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    statement = database.prepare(text);
    if (statements.size < 1000) statements.set(text, statement);
  }
  return statement;
}

/** Runs a statement written with `$n` parameters and returns its rows. */
export async function sqlRows<Row>(on: DataSource | EntityManager, text: string, parameters: readonly unknown[]): Promise<Row[]> {
  return (await sqlExecute<Row>(on, text, parameters)).rows;
}

/** Whether the statements run on PostgreSQL (for the few functions the engines name differently). */
export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}

/**
 * What TypeORM stores for a value on SQLite: booleans as 0/1, times as UTC `YYYY-MM-DD HH:MM:SS.SSS`, whole numbers as
 * INTEGER (a JS number binds as REAL: see database/sqlite-number-parameters.ts).
 */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** A boolean column: PostgreSQL's boolean, SQLite's 0/1. */
export function sqlBoolean(value: unknown): boolean {
  return value === true || value === 1;
}

/** A timestamp column: PostgreSQL's Date, SQLite's UTC text (read as TypeORM reads it). */
export function sqlDate(value: unknown): Date {
  if (value instanceof Date) return value;
  let text = String(value);
  if (/^\d\d\d\d-\d\d-\d\d \d\d:\d\d/.test(text)) text = text.replace(' ', 'T');
  if (/^\d\d\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d\d\d)?)?$/.test(text)) text += 'Z';
  return new Date(text);
}

export function sqlDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : sqlDate(value);
}
