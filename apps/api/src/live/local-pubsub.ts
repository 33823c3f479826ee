import { ChannelIterator } from './channel-iterator.js';
import { LivePubSub } from './live-pubsub.js';

const identity = <T, R>(payload: T) => payload as unknown as R;

/** In-process delivery, for a single API instance. */
export class LocalPubSub extends LivePubSub {
  private readonly channels = new Map<string, Set<ChannelIterator<any, any>>>();

  async publish(channel: string, payload: unknown): Promise<void> {
    // Most channels (a thread nobody has open, someone who is not signed in) have nobody listening: no copy to make.
    if (!this.channels.has(channel)) return;
    // A copy through JSON, so subscribers see what they would see over Redis.
    this.deliver(channel, JSON.parse(JSON.stringify(payload)));
  }

  async subscribe<T, R = T>(channel: string, map: (payload: T) => R | null = identity): Promise<AsyncIterableIterator<R>> {
    const listeners = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, listeners);
    const iterator: ChannelIterator<T, R> = new ChannelIterator(map, () => {
      listeners.delete(iterator);
      if (listeners.size === 0 && this.channels.get(channel) === listeners) this.channels.delete(channel);
    });
    listeners.add(iterator);
    return iterator;
  }

  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.channels.get(channel)?.size ?? 0;
    let count = 0;
    for (const listeners of this.channels.values()) count += listeners.size;
    return count;
  }

  protected deliver(channel: string, payload: unknown): void {
    for (const listener of [...(this.channels.get(channel) ?? [])]) listener.push(payload);
  }
}
