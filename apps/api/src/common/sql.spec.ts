import { describe, expect, it } from 'vitest';
import { sqlDate } from './sql.js';

describe('sqlDate', () => {
  it('reads the UTC text TypeORM writes on SQLite as that instant', () => {
    expect(sqlDate('2026-12-04 03:05:09.007').toISOString()).toBe('2026-12-04T03:05:09.007Z');
    expect(sqlDate('1999-01-31 23:59:59.999').toISOString()).toBe('1999-01-31T23:59:59.999Z');
  });

  it('reads the other forms SQLite may hold, and PostgreSQL dates as they are', () => {
    expect(sqlDate('2026-12-04 03:05:09').toISOString()).toBe('2026-12-04T03:05:09.000Z');
    expect(sqlDate('2026-12-04T03:05').toISOString()).toBe('2026-12-04T03:05:00.000Z');
    expect(sqlDate('2026-12-04T03:05:09.007+01:00').toISOString()).toBe('2026-12-04T02:05:09.007Z');
    const date = new Date();
    expect(sqlDate(date)).toBe(date);
  });

  it('gives an invalid date for text that is not a time, even of the same length', () => {
    expect(Number.isNaN(sqlDate('xxxx-xx-xx xx:xx:xx.xxx').getTime())).toBe(true);
  });
});
