import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';

describe('dataSourceOptions', () => {
  it('gives the PostgreSQL pool JOB_CONCURRENCY connections beyond the requests when the instance runs jobs', () => {
    const url = 'postgres://forum@db:5432/forum';
    const withJobs = dataSourceOptions(loadEnvironment({ DATABASE_URL: url, DATABASE_POOL_SIZE: '12', JOB_CONCURRENCY: '3' }));
    expect(withJobs).toMatchObject({ type: 'postgres', extra: { max: 15 } });
    const withoutJobs = dataSourceOptions(loadEnvironment({ DATABASE_URL: url, JOB_WORKERS: 'false' }));
    expect(withoutJobs).toMatchObject({ extra: { max: 10 } });
  });

  it("sets SQLite's synchronous pragma from SQLITE_SYNCHRONOUS (NORMAL unless told)", () => {
    const pragmasOf = (settings: Record<string, string>) => {
      const sut = dataSourceOptions(loadEnvironment({ SQLITE_PATH: ':memory:', ...settings }));
      const pragmas: string[] = [];
      if (sut.type !== 'better-sqlite3') throw new Error('expected SQLite');
      void sut.prepareDatabase?.({ pragma: (source: string) => pragmas.push(source) });
      return pragmas;
    };
    expect(pragmasOf({})).toContain('synchronous = NORMAL');
    expect(pragmasOf({ SQLITE_SYNCHRONOUS: 'FULL' })).toContain('synchronous = FULL');
  });
});
