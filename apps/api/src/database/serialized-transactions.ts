import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection: a transaction that starts while another is open becomes a savepoint
 * inside it, so two requests' transactions interleave and one's commit or rollback ends the other's. Queued, they
 * run one after another, which is what SQLite's single writer does anyway. A transaction started from inside
 * another (same async call chain) still nests, as TypeORM intends. PostgreSQL has a pool and row locks: unchanged.
 *
 * On Node 20 an enabled AsyncLocalStorage tracks every promise of the process (about a tenth of a read's CPU
 * time), so the store is disabled whenever no transaction is queued or running and enabled again by the next one.
 */
export function serializeSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    inFlight++;
    const run = queue
      .then(() => inside.run(true, () => transaction(...args)))
      .finally(() => {
        if (--inFlight === 0) inside.disable();
      });
    queue = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
  return dataSource;
}
