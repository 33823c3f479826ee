import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sqliteExecute } from '../common/sql.js';

/**
 * better-sqlite3 gives TypeORM one connection: a transaction that starts while another is open becomes a savepoint
 * inside it, so two requests' transactions interleave and one's commit or rollback ends the other's. Queued, they
 * run one after another, which is what SQLite's single writer does anyway. A transaction started from inside
 * another (same async call chain) still nests, as TypeORM intends. PostgreSQL has a pool and row locks: unchanged.
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
  const inside = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  const outermost = (args: unknown[]) => {
    const runner = dataSource.createQueryRunner() as SqliteRunner;
    // An isolation level, or a repository's save outside any transaction still open on the connection: TypeORM's way.
    if (typeof args[0] !== 'function' || runner.isTransactionActive) return transaction(...args);
    return sqliteTransaction(dataSource, runner, args[0] as (manager: EntityManager) => Promise<unknown>);
  };
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    inFlight++;
    const run = queue
      .then(() => inside.run(true, () => outermost(args)))
      .finally(() => {
        if (--inFlight === 0) inside.disable();
      });
    queue = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
  return dataSource;
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
