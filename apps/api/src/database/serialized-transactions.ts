import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's SQLite drivers run everything on one connection, so two transactions open at once (a request's and a
 * background job's) nest as savepoints of each other and commit or roll back each other's work. This makes the data
 * source's transactions take turns; one started inside another (same async context) joins it as before.
 */
export function serializeTransactions(dataSource: DataSource): void {
  const inside = new AsyncLocalStorage<boolean>();
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    const turn = previous.then(() => inside.run(true, () => transaction(...args)));
    previous = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
}
