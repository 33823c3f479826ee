import { DataSource } from 'typeorm';
import { vi } from 'vitest';
import { TestApp } from './test-app.js';

/**
 * The statements matching `pattern` that `requests` run (as the app's SQL logger sees them), each with its query plan:
 * SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans, bitmap scans and sorts forbidden (on
 * tables this small it would choose them whatever the indexes; forbidden, the plan shows what the indexes allow).
 */
export async function queryPlans(app: TestApp, pattern: RegExp, requests: () => Promise<unknown>): Promise<string[]> {
  const dataSource = app.nest.get(DataSource);
  const spy = vi.spyOn(dataSource.logger, 'logQuery');
  let statements: [string, unknown[] | undefined][];
  try {
    await requests();
    statements = spy.mock.calls.filter(([query]) => pattern.test(query)) as [string, unknown[] | undefined][];
  } finally {
    spy.mockRestore();
  }
  const plans: string[] = [];
  for (const [query, parameters] of statements) {
    const plan =
      dataSource.options.type === 'postgres'
        ? await dataSource.transaction(async (manager) => {
            for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await manager.query(`SET LOCAL ${setting} = off`);
            return ((await manager.query(`EXPLAIN ${query}`, parameters)) as { 'QUERY PLAN': string }[]).map((step) => step['QUERY PLAN']);
          })
        : ((await dataSource.query(`EXPLAIN QUERY PLAN ${query}`, parameters)) as { detail: string }[]).map((step) => step.detail);
    plans.push(plan.join('\n'));
  }
  return plans;
}
