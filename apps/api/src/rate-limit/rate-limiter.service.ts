import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/app-error.js';
import type { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { redisClient } from '../redis/redis.module.js';

export interface RateLimitRule {
  /** Hits allowed in the window. */
  points: number;
  windowSeconds: number;
  /** Once over the limit, refuse for this long (default: until the window ends). */
  blockSeconds?: number;
}

/** One rule's counters, kept per key: counts hits atomically, refuses past the limit. */
export class RateLimit {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Counts one hit on `key`; throws RATE_LIMITED once more than the rule's points fall in its window. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw AppError.rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }

  /** Gives back one hit (a request that turned out not to count, such as a successful sign-in). */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/**
 * Who a per-client budget belongs to: a signed-in member has their own (behind one proxy or office NAT, members would
 * otherwise share one), anyone else their IP's.
 */
export function budgetHolder(context: RequestContext): string {
  return context.user ? `member:${context.user.id}` : `ip:${context.ip}`;
}

/**
 * Rate limits on rate-limiter-flexible: counters in Redis when REDIS_URL is set, so every instance
 * shares them, with a per-instance memory limiter as insurance while Redis is unreachable; in memory
 * without Redis.
 */
@Injectable()
export class RateLimiterService {
  private readonly rules = new Map<string, RateLimit>();

  constructor(
    @Inject(redisClient) private readonly redis: Redis | null,
    private readonly environment: Environment,
  ) {}

  /** Counts one hit on `key`; throws RATE_LIMITED once more than `limit` hits fall in the window. */
  async consume(key: string, limit: number, windowSeconds: number): Promise<void> {
    if (windowSeconds <= 0) return;
    await this.rule({ points: limit, windowSeconds }).consume(key);
  }

  /** The counters of one rule; the same rule always gets the same counters. */
  rule(rule: RateLimitRule): RateLimit {
    // Redis expiries are whole seconds.
    const duration = Math.max(1, Math.ceil(rule.windowSeconds));
    const blockDuration = rule.blockSeconds === undefined ? 0 : Math.max(1, Math.ceil(rule.blockSeconds));
    const name = `${rule.points}:${duration}:${blockDuration}`;
    let limit = this.rules.get(name);
    if (!limit) {
      limit = new RateLimit(this.createLimiter(name, rule.points, duration, blockDuration));
      this.rules.set(name, limit);
    }
    return limit;
  }

  private createLimiter(name: string, points: number, duration: number, blockDuration: number): RateLimiterAbstract {
    const options = { points, duration, blockDuration, keyPrefix: `rate:${name}` };
    if (!this.redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${this.environment.REDIS_KEY_PREFIX}rate:${name}`,
      storeClient: this.redis,
      // Without a connection, count in this instance at once instead of queueing behind reconnects.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }
}
