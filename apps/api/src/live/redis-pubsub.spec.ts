import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { RedisPubSub } from './redis-pubsub.js';

/** A connection as RedisPubSub sees it: its status, and commands that succeed. */
function connection(status: string) {
  return { status, on: vi.fn(), subscribe: vi.fn(async () => 1), unsubscribe: vi.fn(async () => 1), publish: vi.fn(async () => 1) };
}

/** A RedisPubSub over connections in these states, its publishing connection, and a listener on 'forum'. */
async function listeningOn(publisherStatus: string, subscriberStatus: string) {
  const publisher = connection(publisherStatus);
  const sut = new RedisPubSub(publisher as unknown as Redis, connection(subscriberStatus) as unknown as Redis, 'p:');
  return { sut, publisher, listener: await sut.subscribe<{ n: number }>('forum') };
}

/** The listener's next event, or 'nothing' when none comes within 50 ms. */
function nextSoon(listener: AsyncIterator<unknown>): Promise<unknown> {
  return Promise.race([listener.next(), new Promise((resolve) => setTimeout(() => resolve('nothing'), 50))]);
}

describe('RedisPubSub', () => {
  it('delivers an event here when the publishing connection is down while the listening one still looks ready', async () => {
    const { sut, publisher, listener } = await listeningOn('reconnecting', 'ready');

    await sut.publish('forum', { n: 1 });

    expect(publisher.publish).not.toHaveBeenCalled();
    await expect(nextSoon(listener)).resolves.toEqual({ value: { n: 1 }, done: false });
  });

  it('leaves delivery to its own subscriber when both connections are ready', async () => {
    const { sut, publisher, listener } = await listeningOn('ready', 'ready');

    await sut.publish('forum', { n: 2 });

    expect(publisher.publish).toHaveBeenCalledWith('p:forum', JSON.stringify({ n: 2 }));
    expect(sut.listenerCount('forum')).toBe(1);
    await expect(nextSoon(listener)).resolves.toBe('nothing');
  });
});
