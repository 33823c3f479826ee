import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { withTimeout } from '../common/with-timeout.js';
import { Environment } from '../config/environment.js';
import { redisClient } from '../redis/redis.module.js';

/** How long a request waits for Redis to say the generation before it goes without the cache. */
const redisReadTimeoutMs = 200;

/**
 * Starts the counter when Redis has none (first use, or a Redis restarted without its data) at a value no earlier
 * life of the counter reached: the time in microseconds, which a counter bumped less than a million times a second
 * since then never catches up with. Then increments it.
 */
const bumpScript = `if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])`;

/**
 * A number that changes after every committed write that can change what a visitor who is not signed in sees
 * (a mutation, a post job, re-cooking). Cached anonymous responses are keyed by the generation their request read
 * before reading anything else, so a bump makes every older response unreachable at once.
 *
 * Without REDIS_URL it is this process's counter. With it, the counter lives in Redis and each request reads it
 * there (INCR to bump, GET per request): a write on one instance is seen by the very next read on any other, which
 * a message pushed to the other instances could not promise (it may arrive after that read). While Redis cannot be
 * reached the generation is unknown (null), so the cache is not used; a bump that failed then is made once Redis is
 * back, before this instance uses the cache again, for the writes other instances could not hear of.
 */
@Injectable()
export class ContentGeneration {
  private readonly logger = new Logger('ContentGeneration');
  private readonly key: string;
  private local = 0;
  private bumpsStarted = 0;
  /** A bump failed after this many had started: one started later must succeed before the cache is used again. */
  private owedAfter: number | null = null;

  constructor(
    @Inject(redisClient) private readonly redis: Redis | null,
    environment: Environment,
  ) {
    this.key = `${environment.REDIS_KEY_PREFIX}content-generation`;
  }

  /** The generation now, or null when it cannot be known (Redis is configured but unreachable). */
  async current(): Promise<string | null> {
    if (!this.redis) return String(this.local);
    if (this.redis.status !== 'ready') return null;
    try {
      if (this.owedAfter !== null) return await withTimeout(this.bumpShared(), redisReadTimeoutMs);
      const value = await withTimeout(this.redis.get(this.key), redisReadTimeoutMs);
      return value ?? (await withTimeout(this.bumpShared(), redisReadTimeoutMs));
    } catch {
      return null;
    }
  }

  /** After a write that anonymous visitors could see has committed; never throws. */
  async bump(): Promise<void> {
    this.local++;
    if (!this.redis) return;
    try {
      await this.bumpShared();
    } catch (error) {
      this.owedAfter = this.bumpsStarted;
      // During an outage RedisConnections has said so once already.
      if (this.redis.status === 'ready') this.logger.warn(`could not bump the content generation on Redis: ${(error as Error).message}`);
    }
  }

  private async bumpShared(): Promise<string> {
    const started = ++this.bumpsStarted;
    const value = String(await this.redis!.eval(bumpScript, 1, this.key, String(Date.now() * 1000)));
    if (this.owedAfter !== null && started > this.owedAfter) this.owedAfter = null;
    return value;
  }
}
