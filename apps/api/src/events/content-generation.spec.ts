import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { Environment } from '../config/environment.js';
import { ForumEventMap, ForumEvents } from './forum-events.js';
import { ContentGeneration } from './content-generation.js';

/** Just what ContentGeneration asks of Redis: MGET, and its two bump scripts (INCR, a missing key starting at the argument). */
class FakeRedis {
  status = 'ready';
  values = new Map<string, number>();
  failing = false;

  async mget(...keys: string[]): Promise<(string | null)[]> {
    if (this.failing) throw new Error('Connection is closed.');
    return keys.map((key) => (this.values.has(key) ? String(this.values.get(key)) : null));
  }

  async eval(_script: string, count: number, ...keysAndArgs: string[]): Promise<number> {
    if (this.failing) throw new Error('Connection is closed.');
    const start = Number(keysAndArgs[count]);
    for (const key of keysAndArgs.slice(0, count)) this.values.set(key, (this.values.get(key) ?? start) + 1);
    return this.values.get(keysAndArgs[0]!)!;
  }
}

const environment = { REDIS_KEY_PREFIX: 'twofa:', ANONYMOUS_CACHE_SECONDS: 30 } as Environment;

describe('ContentGeneration', () => {
  it('changes with every bump in one process without Redis', async () => {
    const sut = new ContentGeneration(null, environment, new ForumEvents());
    const before = await sut.current();
    await sut.bump();
    expect(await sut.current()).not.toBe(before);
  });

  it('starts a missing counter past any value an earlier life of it reached', async () => {
    const redis = new FakeRedis();
    const sut = new ContentGeneration(redis as unknown as Redis, environment, new ForumEvents());
    const first = Number((await sut.current())!.split(':')[0]);
    expect(first).toBeGreaterThan(Date.now() * 1000 - 60_000_000);
    await new Promise((resolve) => setTimeout(resolve, 2));
    redis.values.clear(); // Redis restarted without its data
    expect(Number((await sut.current())!.split(':')[0])).toBeGreaterThan(first);
  });

  it('is unknown while Redis is unreachable, and bumped once it is back when a bump failed meanwhile', async () => {
    const redis = new FakeRedis();
    const sut = new ContentGeneration(redis as unknown as Redis, environment, new ForumEvents());
    const before = await sut.current();

    redis.failing = true;
    await sut.bump();
    expect(await sut.current()).toBeNull();
    redis.status = 'connecting';
    expect(await sut.current()).toBeNull();

    redis.failing = false;
    redis.status = 'ready';
    const after = await sut.current();
    expect(Number(after!.split(':')[0])).toBeGreaterThan(Number(before!.split(':')[0]));
    expect(await sut.current()).toBe(after);
  });

  for (const [name, redis] of [
    ['in one process', () => null],
    ['on Redis', () => new FakeRedis() as unknown as Redis],
  ] as const) {
    it(`bumps one thread and the lists for a write to that thread, and every scope for any other write (${name})`, async () => {
      const events = new ForumEvents();
      const sut = new ContentGeneration(redis(), environment, events);
      sut.onModuleInit();
      const scopes = ['lists', { threads: [1] }, { threads: [2] }, { threads: [1, 2] }] as const;
      const now = () => Promise.all(scopes.map((scope) => sut.current(scope)));
      await sut.current(); // starts the shared counter
      const before = await now();
      expect(await now()).toEqual(before);

      await events.emit('replyPosted', { threadId: 1 } as ForumEventMap['replyPosted']);
      const afterReply = await now();
      expect(afterReply.map((value, index) => value !== before[index])).toEqual([true, true, false, true]);

      await sut.bumpThread(2);
      const afterThread2 = await now();
      expect(afterThread2.map((value, index) => value !== afterReply[index])).toEqual([true, false, true, true]);

      await sut.bump();
      const afterAll = await now();
      expect(afterAll.map((value, index) => value !== afterThread2[index])).toEqual([true, true, true, true]);
    });
  }

  it('forgets a thread bumped longer ago than any answer is cached, and never gives it an earlier value again', async () => {
    const sut = new ContentGeneration(null, { ...environment, ANONYMOUS_CACHE_SECONDS: 0 } as Environment, new ForumEvents());
    const never = await sut.current({ threads: [7] });
    await sut.bumpThread(7);
    const bumped = await sut.current({ threads: [7] });
    expect(bumped).not.toBe(never);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    try {
      expect(await sut.current({ threads: [7] })).toBe(never);
      await sut.bumpThread(7);
      expect([never, bumped]).not.toContain(await sut.current({ threads: [7] }));
    } finally {
      vi.useRealTimers();
    }
  });
});
