import type { Database, Statement } from 'better-sqlite3';
import type { Pool, PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';

/*
 * Hand-written SQL for the hot reads and writes, on both engines, without TypeORM's query builder and entity hydration
 * (a third of a thread page's CPU, a fifth of a reply's). Statements are written once with PostgreSQL's `$1` parameters; rows come back
 * with each engine's own value types, which the converters below make alike. Both engines run them as prepared
 * statements, straight on the driver: each is parsed and planned once per connection, not on every run.
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
/** The name each statement text is prepared under on every PostgreSQL connection. */
const postgresNames = new Map<string, string>();
/** Beyond this many texts (an `IN` list of every length...), statements run unnamed: parsed and planned each time. */
const preparedLimit = 1000;

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
  if (isPostgres(manager.connection)) return postgresExecute<Row>(manager, text, parameters);
  const dataSource = manager.connection;
  const outside = sqliteOutside(dataSource);
  if (!outside) return sqliteExecute<Row>(dataSource, text, parameters);
  return outside.reader && sqliteOnlyReads(sqliteDatabase(dataSource), sqliteText(text).text)
    ? sqliteExecute<Row>(dataSource, text, parameters, outside.reader)
    : outside.inTurn(async () => sqliteExecute<Row>(dataSource, text, parameters));
}

/**
 * Where a statement runs that is not part of the transaction open on SQLite's one connection (see
 * database/serialized-transactions.ts): a read on `reader` (null for an in-memory database), anything else in its
 * turn, as a transaction of its own.
 */
export interface SqliteOutsideRoute {
  reader: Database | null;
  inTurn<T>(work: () => Promise<T>): Promise<T>;
}

const sqliteOutsideRoutes = new WeakMap<DataSource, () => SqliteOutsideRoute | null>();

/** Set once per SQLite data source: null while a statement may run on the connection as it is. */
export function routeSqliteOutside(dataSource: DataSource, route: () => SqliteOutsideRoute | null): void {
  sqliteOutsideRoutes.set(dataSource, route);
}

export function sqliteOutside(dataSource: DataSource): SqliteOutsideRoute | null {
  return sqliteOutsideRoutes.get(dataSource)?.() ?? null;
}

/**
 * Whether a statement reads the database's rows and writes nothing, so that another connection to the file may answer
 * it; false for a PRAGMA (its answer is the connection's own settings) and for one that does not prepare (its run
 * reports why).
 */
export function sqliteOnlyReads(database: Database, text: string): boolean {
  if (/^\s*pragma\b/i.test(text)) return false;
  try {
    const statement = sqlitePrepared(database, text);
    return statement.reader && statement.readonly;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL runs a statement as a named prepared statement, on the transaction's connection or on one the pool lends
 * for it: parsing and planning are half of the server's CPU for the small statements a request runs (a primary-key
 * read 32 µs instead of 62-77, an UPDATE 186-241 instead of 360). A connection pooler in front of PostgreSQL must
 * keep prepared statements per client (PgBouncer 1.21 or later with `max_prepared_statements`). Counted, logged when
 * slow and its failure wrapped as TypeORM's query does.
 */
async function postgresExecute<Row>(
  manager: EntityManager,
  text: string,
  parameters: readonly unknown[],
): Promise<{ rows: Row[]; affected: number }> {
  const { connection: dataSource, queryRunner } = manager;
  if (queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const client = queryRunner ? ((await queryRunner.connect()) as PoolClient) : (dataSource.driver as unknown as { master: Pool }).master;
  let name = postgresNames.get(text);
  if (!name && postgresNames.size < preparedLimit) postgresNames.set(text, (name = `s${postgresNames.size}`));
  const values = [...parameters];
  dataSource.logger.logQuery(text, values, queryRunner);
  const started = Date.now();
  try {
    const result: QueryResult = await client.query({ name, text, values });
    logIfSlow(dataSource, started, text, values, queryRunner);
    const rows = result.rows as Row[];
    return { rows, affected: result.rowCount ?? rows.length };
  } catch (error) {
    throw queryFailed(dataSource, error, text, values, queryRunner);
  }
}

/** Logs a statement that took longer than the data source's `maxQueryExecutionTime`, as TypeORM's query does. */
function logIfSlow(dataSource: DataSource, started: number, text: string, values: unknown[], queryRunner?: QueryRunner): void {
  const elapsed = Date.now() - started;
  const slow = dataSource.options.maxQueryExecutionTime;
  if (slow && elapsed > slow) dataSource.logger.logQuerySlow(elapsed, text, values, queryRunner);
}

/** Logs a failed statement and wraps the driver's error, as TypeORM's query does. */
function queryFailed(dataSource: DataSource, error: unknown, text: string, values: unknown[], queryRunner?: QueryRunner): QueryFailedError {
  dataSource.logger.logQueryError(error as Error, text, values, queryRunner);
  return new QueryFailedError(text, values, error as Error);
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
  database: Database = sqliteDatabase(dataSource),
): { rows: Row[]; affected: number } {
  const sqlite = sqliteText(text);
  const values = sqlite.order.map((index) => toSqliteValue(parameters[index]));
  dataSource.logger.logQuery(sqlite.text, values);
  const started = Date.now();
  try {
    const statement = sqlitePrepared(database, sqlite.text);
    let result: { rows: Row[]; affected: number };
    if (statement.reader) {
      const rows = statement.all(...values) as Row[];
      result = { rows, affected: rows.length };
    } else {
      result = { rows: [], affected: statement.run(...values).changes };
    }
    logIfSlow(dataSource, started, sqlite.text, values);
    return result;
  } catch (error) {
    throw queryFailed(dataSource, error, sqlite.text, values);
  }
}

/** better-sqlite3's connection under TypeORM's driver (the one connection of a SQLite data source). */
export function sqliteDatabase(dataSource: DataSource): Database {
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}

/** A statement's SQLite text, with `?` for `$n`, and the parameter each `?` binds. */
function sqliteText(text: string): { text: string; order: number[] } {
  let sqlite = sqliteTexts.get(text);
  if (!sqlite) {
    // better-sqlite3 binds `?` in order of appearance; a `$n` may appear more than once.
    const order: number[] = [];
    sqlite = { text: text.replace(/\$(\d+)/g, (_match, index: string) => (order.push(Number(index) - 1), '?')), order };
    if (sqliteTexts.size < preparedLimit) sqliteTexts.set(text, sqlite);
  }
  return sqlite;
}

/** A statement prepared once per connection (SQLite's text, `?` parameters). */
export function sqlitePrepared(database: Database, text: string): Statement {
  let statements = sqliteStatements.get(database);
  if (!statements) sqliteStatements.set(database, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    statement = database.prepare(text);
    if (statements.size < preparedLimit) statements.set(text, statement);
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
  // The form TypeORM writes on SQLite (`YYYY-MM-DD HH:MM:SS.SSS`), read without regular expressions: a page of
  // replies reads several per row.
  if (text.length === 23 && text[10] === ' ' && text[19] === '.') {
    const part = (from: number, to: number) => Number(text.slice(from, to));
    const time = Date.UTC(part(0, 4), part(5, 7) - 1, part(8, 10), part(11, 13), part(14, 16), part(17, 19), part(20, 23));
    if (!Number.isNaN(time)) return new Date(time);
  }
  if (/^\d\d\d\d-\d\d-\d\d \d\d:\d\d/.test(text)) text = text.replace(' ', 'T');
  if (/^\d\d\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d\d\d)?)?$/.test(text)) text += 'Z';
  return new Date(text);
}

export function sqlDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : sqlDate(value);
}
