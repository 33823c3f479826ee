import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ChannelIterator } from './channel-iterator.js';
import { LivePubSub } from './live-pubsub.js';

interface Channel {
  listeners: Set<ChannelIterator<any, any>>;
  /** Subscribers waiting for Redis to confirm the SUBSCRIBE. */
  pending: number;
  ready: Promise<void>;
}

const identity = <T, R>(payload: T) => payload as unknown as R;

/**
 * Delivery through Redis pub/sub, so every API instance sharing REDIS_URL sees every event.
 * A connection in subscriber mode can do nothing else, hence two: one publishes, one listens.
 * Each Redis channel is subscribed once per instance, while it has at least one local listener.
 * While Redis is unreachable, events are delivered to this instance's listeners directly and
 * new subscriptions are taken locally; the channels are subscribed again when Redis is back.
 */
export class RedisPubSub extends LivePubSub {
  private readonly logger = new Logger('RedisPubSub');
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    super();
    subscriber.on('message', (key: string, message: string) => this.receive(key, message));
    subscriber.on('ready', () => {
      for (const channel of this.channels.keys()) void this.subscribeInRedis(channel);
    });
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const message = JSON.stringify(payload);
    // Our own subscriber hears what we publish; without it, hand the event to local listeners here.
    let deliveredLocally = false;
    if (this.subscriber.status !== 'ready') {
      this.deliver(channel, message);
      deliveredLocally = true;
    }
    if (this.publisher.status !== 'ready') {
      // Nothing goes out over Redis, so our own subscriber (still ready, say, as Redis goes away) hears nothing either.
      if (!deliveredLocally) this.deliver(channel, message);
      return;
    }
    try {
      await this.publisher.publish(this.prefix + channel, message);
    } catch (error) {
      this.logger.warn(`publish ${channel} over Redis failed, delivered locally: ${(error as Error).message}`);
      if (!deliveredLocally) this.deliver(channel, message);
    }
  }

  async subscribe<T, R = T>(channel: string, map: (payload: T) => R | null = identity): Promise<AsyncIterableIterator<R>> {
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), pending: 0, ready: this.subscribeInRedis(channel) };
      this.channels.set(channel, entry);
    }
    const current = entry;
    current.pending++;
    await current.ready;
    current.pending--;
    const iterator: ChannelIterator<T, R> = new ChannelIterator(map, () => {
      current.listeners.delete(iterator);
      this.releaseIfUnused(channel, current);
    });
    current.listeners.add(iterator);
    return iterator;
  }

  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.channels.get(channel)?.listeners.size ?? 0;
    let count = 0;
    for (const entry of this.channels.values()) count += entry.listeners.size;
    return count;
  }

  /** Ends every subscription and closes both connections. */
  async close(): Promise<void> {
    for (const entry of [...this.channels.values()]) for (const listener of [...entry.listeners]) listener.close();
    await Promise.all([this.subscriber, this.publisher].map((redis) => redis.quit().then(undefined, () => redis.disconnect())));
  }

  /** Resolves once Redis confirms, or at once when it cannot be reached (then 'ready' subscribes again). */
  private async subscribeInRedis(channel: string): Promise<void> {
    if (this.subscriber.status !== 'ready') return;
    try {
      await this.subscriber.subscribe(this.prefix + channel);
    } catch (error) {
      this.logger.warn(`subscribe ${channel} over Redis failed, local events only until Redis is back: ${(error as Error).message}`);
    }
  }

  private releaseIfUnused(channel: string, entry: Channel): void {
    if (entry.listeners.size > 0 || entry.pending > 0 || this.channels.get(channel) !== entry) return;
    this.channels.delete(channel);
    if (this.subscriber.status !== 'ready') return;
    this.subscriber
      .unsubscribe(this.prefix + channel)
      .catch((error: Error) => this.logger.warn(`unsubscribe ${channel}: ${error.message}`));
  }

  private receive(key: string, message: string): void {
    if (!key.startsWith(this.prefix)) return;
    this.deliver(key.slice(this.prefix.length), message);
  }

  private deliver(channel: string, message: string): void {
    const entry = this.channels.get(channel);
    if (!entry || entry.listeners.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      this.logger.warn(`ignored a malformed message on ${channel}`);
      return;
    }
    for (const listener of [...entry.listeners]) listener.push(payload);
  }
}
