import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { DataSource, EntityManager, QueryFailedError, QueryResult, QueryRunner } from 'typeorm';
import { routeSqliteOutside, sqliteDatabase, sqliteExecute, sqliteOnlyReads, sqliteOutside, sqlitePrepared } from '../common/sql.js';

/**
 * better-sqlite3 gives TypeORM one connection: a transaction that starts while another is open becomes a savepoint
 * inside it, so two requests' transactions interleave and one's commit or rollback ends the other's. Queued, they
 * run one after another, which is what SQLite's single writer does anyway. A transaction started from inside
 * another (same async call chain) still nests, as TypeORM intends. PostgreSQL has a pool and row locks: unchanged.
 *
 * A statement of another call chain, run while a transaction waits between its statements (every await lets other
 * requests and jobs run), would run inside that transaction: a read would see writes that may yet roll back, and a
 * write would be undone with them. Such a read runs on a second, read-only connection to the file, which sees only
 * what is committed (WAL readers do not wait for the writer); such a write, and a read of an in-memory database,
 * waits for its turn in the queue as a transaction of its own.
 *
 * On Node 20 an enabled AsyncLocalStorage tracks every promise of the process (about a tenth of a read's CPU
 * time), so the store is disabled whenever no transaction is queued or running and enabled again by the next one.
 *
 * An outermost transaction begins and ends on better-sqlite3 itself (see sqliteTransaction).
 */
export function serializeSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  /** Each outermost transaction's own token, for the call chain that runs it (and what that chain starts). */
  const inside = new AsyncLocalStorage<object>();
  /** The token of the outermost transaction running on the connection. */
  const connection: { open: object | null } = { open: null };
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  const outermost = (args: unknown[]) => {
    const runner = dataSource.createQueryRunner() as SqliteRunner;
    // An isolation level, or a repository's save outside any transaction still open on the connection: TypeORM's way.
    if (typeof args[0] !== 'function' || runner.isTransactionActive) return transaction(...args);
    return sqliteTransaction(dataSource, runner, args[0] as (manager: EntityManager) => Promise<unknown>);
  };
  const queued = (args: unknown[]) => {
    inFlight++;
    const token = {};
    const run = queue
      .then(() => {
        connection.open = token;
        return inside.run(token, () => outermost(args));
      })
      .finally(() => {
        connection.open = null;
        if (--inFlight === 0) inside.disable();
      });
    queue = run.catch(() => undefined);
    return run;
  };
  manager.transaction = ((...args: unknown[]) => {
    // What a committed transaction left running carries its token too: that is not inside the open one.
    if (connection.open !== null && inside.getStore() === connection.open) return transaction(...args);
    return queued(args);
  }) as typeof manager.transaction;

  const readConnection = lazyReadConnection(dataSource);
  routeSqliteOutside(dataSource, () =>
    connection.open === null || inside.getStore() === connection.open
      ? null
      : { reader: readConnection.get(), inTurn: <T>(work: () => Promise<T>) => queued([() => work()]) as Promise<T> },
  );
  keepTypeOrmStatementsOutside(dataSource);
  return dataSource;
}

/**
 * TypeORM's own statements (repositories, query builders) go through the connection's one query runner: outside the
 * open transaction, a read runs on the read connection and anything else in its turn, as hand-written ones do.
 */
function keepTypeOrmStatementsOutside(dataSource: DataSource): void {
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (text: string, parameters: unknown[], structured: boolean) => Promise<unknown>;
  runner.query = (async (text: string, parameters: unknown[] = [], structured: boolean = false) => {
    const outside = sqliteOutside(dataSource);
    if (!outside) return query(text, parameters, structured);
    if (!outside.reader || !sqliteOnlyReads(sqliteDatabase(dataSource), text))
      return outside.inTurn(() => query(text, parameters, structured));
    const values = parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    dataSource.logger.logQuery(text, values);
    let rows: unknown[];
    try {
      rows = sqlitePrepared(outside.reader, text).all(...values);
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, values);
      throw new QueryFailedError(text, values, error as Error);
    }
    if (!structured) return rows;
    return Object.assign(new QueryResult(), { raw: rows, records: rows });
  }) as typeof runner.query;
}

/**
 * The read-only connection, opened when first needed (none for an in-memory database, which a second connection
 * would not share) and closed with the data source.
 */
function lazyReadConnection(dataSource: DataSource): { get(): Database.Database | null } {
  const file = dataSource.options.database as string;
  let reader: Database.Database | null = null;
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    reader?.close();
    reader = null;
    return destroy();
  };
  return {
    get: () => {
      if (file === ':memory:' || file === '') return null;
      if (!reader) {
        reader = new Database(file, { fileMustExist: true });
        reader.pragma('query_only = ON');
        reader.pragma('busy_timeout = 5000');
      }
      return reader;
    },
  };
}

/** The connection's one query runner, with the bookkeeping TypeORM's startTransaction keeps (readonly and protected in its types). */
type SqliteRunner = Omit<QueryRunner, 'isTransactionActive'> & { isTransactionActive: boolean; transactionDepth: number };

/**
 * TypeORM's transaction on the one connection, without its query runner's events: BEGIN, COMMIT and ROLLBACK run
 * straight on better-sqlite3 like every hand-written statement (counted by the logger), and the runner is marked as
 * in a transaction, as TypeORM's startTransaction marks it, so that TypeORM's own writes inside join it and a
 * transaction started inside (same call chain) becomes a savepoint. A failed rollback leaves the first error standing.
 */
async function sqliteTransaction<T>(
  dataSource: DataSource,
  runner: SqliteRunner,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  sqliteExecute(dataSource, 'BEGIN TRANSACTION', []);
  runner.isTransactionActive = true;
  runner.transactionDepth = 1;
  try {
    const result = await work(runner.manager);
    sqliteExecute(dataSource, 'COMMIT', []);
    return result;
  } catch (error) {
    try {
      sqliteExecute(dataSource, 'ROLLBACK', []);
    } catch {
      // The first error is the one to report.
    }
    throw error;
  } finally {
    runner.isTransactionActive = false;
    runner.transactionDepth = 0;
  }
}
