import { Logger } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { Redis } from 'ioredis';

/** Whether this instance shares its state through Redis. */
export enum RedisState {
  CONNECTED = 'CONNECTED',
  DEGRADED = 'DEGRADED',
  DISABLED = 'DISABLED',
}

registerEnumType(RedisState, {
  name: 'RedisState',
  description: 'Whether this instance shares rate limits, live events and knowledge-base changes through Redis.',
  valuesMap: {
    CONNECTED: { description: 'Redis is reachable: rate limits, live events and knowledge-base changes are shared by every instance.' },
    DEGRADED: {
      description:
        'REDIS_URL is set but Redis is unreachable: rate limits count per instance, live events and knowledge-base changes stay on this instance until Redis returns.',
    },
    DISABLED: { description: 'No Redis configured: one instance keeps everything in memory.' },
  },
});

/** How long a Redis command may take before it fails (and its caller falls back to this instance's state). */
const redisCommandTimeoutMs = 1000;

/**
 * How long a connection may hear nothing back while a command waits before it is dropped and made again, which counts
 * Redis as away. Longer than a brief stall (of Redis, of the network, or of this process's event loop, which holds
 * the replies it has not read yet: start-up blocks it for seconds) so that one does not flip the state; each command
 * still gives up after redisCommandTimeoutMs meanwhile.
 */
const redisSilenceLimitMs = 5000;

/** How often each ready connection sends a PING, so that a Redis that stops answering is noticed while nothing else asks. */
const watchdogIntervalMs = 1000;

/**
 * Every Redis connection of the instance, made here so they share one policy: they fail fast while
 * Redis is unreachable (callers fall back to local state instead of queueing), reconnect for ever,
 * and log one warning when Redis goes away and one line when it is back. A watchdog pings them all,
 * so one that stopped answering is dropped (see socketTimeout) within about six seconds.
 */
export class RedisConnections {
  private readonly logger = new Logger('Redis');
  private readonly connections = new Set<Redis>();
  private readonly firstAttempts: Promise<void>[] = [];
  private degraded = false;
  private closing = false;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(private readonly url: string | undefined) {}

  get state(): RedisState {
    if (!this.url) return RedisState.DISABLED;
    for (const connection of this.connections) if (connection.status !== 'ready') return RedisState.DEGRADED;
    return RedisState.CONNECTED;
  }

  /** A new connection, or null when Redis is not configured. */
  connect(): Redis | null {
    if (!this.url) return null;
    const redis = new Redis(this.url, {
      // Commands fail at once while disconnected rather than waiting in a queue for a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A Redis that takes commands but stops answering (paused, overloaded, a network path that drops packets
      // without a reset) keeps the connection open. A command fails after this deadline, so its caller falls back to
      // local state; and a connection that hears nothing back for redisSilenceLimitMs while a command waits (the
      // watchdog's PING at least) is dropped and made again: not 'ready' meanwhile, it has every caller fall back at once.
      // None of these connections sends blocking commands, which would look the same (BullMQ makes its own).
      commandTimeout: redisCommandTimeoutMs,
      socketTimeout: redisSilenceLimitMs,
      // Subscribers re-subscribe themselves on 'ready' (see RedisPubSub, KnowledgeBaseChanges).
      autoResubscribe: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.connections.add(redis);
    this.firstAttempts.push(
      new Promise<void>((settled) => {
        for (const event of ['ready', 'error', 'close', 'end']) redis.once(event, () => settled());
      }),
    );
    this.watchdog ??= setInterval(() => this.ping(), watchdogIntervalMs).unref();
    redis.on('error', (error: Error) => this.lost(error));
    redis.on('close', () => this.lost());
    redis.on('ready', () => this.regained());
    redis.on('end', () => this.connections.delete(redis));
    return redis;
  }

  /**
   * Once every connection made so far has connected or failed its first attempt (ioredis's own events; its connect
   * timeout bounds the wait). The server listens after this, so its health tells whether Redis is there, not that the
   * connections are still coming up.
   */
  async connectedOrFailedOnce(): Promise<void> {
    await Promise.all(this.firstAttempts);
  }

  /** The app is stopping: connections closing now are no outage. */
  stopping(): void {
    this.closing = true;
  }

  async closeAll(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all([...this.connections].map((redis) => redis.quit().catch(() => redis.disconnect())));
  }

  /** The watchdog's round: a PING on every ready connection, so that socketTimeout has something to wait for. */
  private ping(): void {
    for (const connection of this.connections) if (connection.status === 'ready') connection.ping().catch(() => undefined);
  }

  /** A connection failed or closed: one warning when that takes Redis away. */
  private lost(error?: Error): void {
    if (this.closing || this.degraded || this.state !== RedisState.DEGRADED) return;
    this.degraded = true;
    this.logger.warn(
      `Redis unreachable${error ? ` (${error.message})` : ''}: rate limits count per instance, live events and knowledge-base changes stay on this instance until it is back`,
    );
  }

  /**
   * A connection is ready: one line when that ends an outage. At start the others may still be connecting, which is
   * no outage: only an error or a close reports one.
   */
  private regained(): void {
    if (this.closing || !this.degraded || this.state !== RedisState.CONNECTED) return;
    this.degraded = false;
    this.logger.log('Redis reachable again: rate limits, live events and knowledge-base changes are shared');
  }
}
