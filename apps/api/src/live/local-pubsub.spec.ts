import { describe, expect, it, vi } from 'vitest';
import { LocalPubSub } from './local-pubsub.js';

describe('LocalPubSub', () => {
  it('delivers each message to every listener of its channel, mapped per listener', async () => {
    const sut = new LocalPubSub();
    const all = await sut.subscribe<{ n: number }>('a');
    const evenOnly = await sut.subscribe<{ n: number }, number>('a', (message) => (message.n % 2 === 0 ? message.n : null));
    const elsewhere = await sut.subscribe('b');

    await sut.publish('a', { n: 1 });
    await sut.publish('a', { n: 2 });

    await expect(all.next()).resolves.toEqual({ value: { n: 1 }, done: false });
    await expect(all.next()).resolves.toEqual({ value: { n: 2 }, done: false });
    await expect(evenOnly.next()).resolves.toEqual({ value: 2, done: false });
    expect(sut.listenerCount('b')).toBe(1);
    await elsewhere.return?.();
  });

  it('hands messages over as JSON, as Redis would', async () => {
    const sut = new LocalPubSub();
    const listener = await sut.subscribe('a');
    await sut.publish('a', { at: new Date(0) });
    await expect(listener.next()).resolves.toEqual({ value: { at: '1970-01-01T00:00:00.000Z' }, done: false });
  });

  it('makes no copy of a message for a channel nobody listens to (any more)', async () => {
    const sut = new LocalPubSub();
    const copied = vi.fn(() => ({}));
    const elsewhere = await sut.subscribe('b');
    await sut.publish('a', { toJSON: copied });
    const left = await sut.subscribe('a');
    await left.return?.();
    await sut.publish('a', { toJSON: copied });
    expect(copied).not.toHaveBeenCalled();
    await elsewhere.return?.();
  });

  it('releases a listener once it is returned, and ends a pending next()', async () => {
    const sut = new LocalPubSub();
    const first = await sut.subscribe('a');
    const second = await sut.subscribe('a');
    expect(sut.listenerCount()).toBe(2);

    const pending = first.next();
    await first.return?.();
    await first.return?.();

    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(sut.listenerCount('a')).toBe(1);
    await second.return?.();
    expect(sut.listenerCount()).toBe(0);
  });
});
