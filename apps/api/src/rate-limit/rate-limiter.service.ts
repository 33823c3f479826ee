import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppError } from '../common/app-error.js';
import { Environment } from '../config/environment.js';
import { redisClient } from '../redis/redis.module.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters, in Redis when several instances share it, else in memory.
 * `consume` counts a hit and refuses past the limit; `assertBelow` only checks (for counting failures).
 */
@Injectable()
export class RateLimiterService {
  private readonly windows = new Map<string, Window>();

  constructor(
    @Inject(redisClient) private readonly redis: Redis | null,
    private readonly environment: Environment,
  ) {}

  /** Counts one hit on `key`; throws RATE_LIMITED once more than `limit` hits fall in the window. */
  async consume(key: string, limit: number, windowSeconds: number): Promise<void> {
    if (windowSeconds <= 0) return;
    const window = await this.increment(key, windowSeconds * 1000);
    if (window.count > limit) throw AppError.rateLimited(this.retryAfter(window));
  }

  /** Throws RATE_LIMITED if `key` already has `limit` hits in its window, without counting one. */
  async assertBelow(key: string, limit: number): Promise<void> {
    const window = await this.read(key);
    if (window && window.count >= limit) throw AppError.rateLimited(this.retryAfter(window));
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
    await this.redis?.del(this.redisKey(key));
  }

  private retryAfter(window: Window): number {
    return Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
  }

  private redisKey(key: string): string {
    return `${this.environment.REDIS_KEY_PREFIX}rate:${key}`;
  }

  private async increment(key: string, windowMs: number): Promise<Window> {
    if (this.redis) {
      const redisKey = this.redisKey(key);
      const result = await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs, 'NX').pttl(redisKey).exec();
      const count = Number(result?.[0]?.[1] ?? 1);
      const ttl = Number(result?.[2]?.[1] ?? windowMs);
      return { count, resetAt: Date.now() + Math.max(ttl, 0) };
    }
    const now = Date.now();
    this.sweep(now);
    const current = this.windows.get(key);
    const window = current && current.resetAt > now ? current : { count: 0, resetAt: now + windowMs };
    window.count++;
    this.windows.set(key, window);
    return window;
  }

  private async read(key: string): Promise<Window | null> {
    if (this.redis) {
      const redisKey = this.redisKey(key);
      const [count, ttl] = await Promise.all([this.redis.get(redisKey), this.redis.pttl(redisKey)]);
      return count === null ? null : { count: Number(count), resetAt: Date.now() + Math.max(ttl, 0) };
    }
    const window = this.windows.get(key);
    return window && window.resetAt > Date.now() ? window : null;
  }

  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
