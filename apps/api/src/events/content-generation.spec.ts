import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { Environment } from '../config/environment.js';
import { ContentGeneration } from './content-generation.js';

/** Just what ContentGeneration asks of Redis: GET, and the bump script (INCR, starting at its argument). */
class FakeRedis {
  status = 'ready';
  value: number | null = null;
  failing = false;

  async get(): Promise<string | null> {
    if (this.failing) throw new Error('Connection is closed.');
    return this.value === null ? null : String(this.value);
  }

  async eval(_script: string, _keys: number, _key: string, start: string): Promise<number> {
    if (this.failing) throw new Error('Connection is closed.');
    this.value = (this.value ?? Number(start)) + 1;
    return this.value;
  }
}

const environment = { REDIS_KEY_PREFIX: 'twofa:' } as Environment;

describe('ContentGeneration', () => {
  it('changes with every bump in one process without Redis', async () => {
    const sut = new ContentGeneration(null, environment);
    const before = await sut.current();
    await sut.bump();
    expect(await sut.current()).not.toBe(before);
  });

  it('starts a missing counter past any value an earlier life of it reached', async () => {
    const redis = new FakeRedis();
    const sut = new ContentGeneration(redis as unknown as Redis, environment);
    const first = Number(await sut.current());
    expect(first).toBeGreaterThan(Date.now() * 1000 - 60_000_000);
    await new Promise((resolve) => setTimeout(resolve, 2));
    redis.value = null; // Redis restarted without its data
    expect(Number(await sut.current())).toBeGreaterThan(first);
  });

  it('is unknown while Redis is unreachable, and bumped once it is back when a bump failed meanwhile', async () => {
    const redis = new FakeRedis();
    const sut = new ContentGeneration(redis as unknown as Redis, environment);
    const before = await sut.current();

    redis.failing = true;
    await sut.bump();
    expect(await sut.current()).toBeNull();
    redis.status = 'connecting';
    expect(await sut.current()).toBeNull();

    redis.failing = false;
    redis.status = 'ready';
    const after = await sut.current();
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(await sut.current()).toBe(after);
  });
});
