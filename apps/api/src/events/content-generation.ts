import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { withTimeout } from '../common/with-timeout.js';
import { Environment } from '../config/environment.js';
import { redisClient } from '../redis/redis.module.js';
import { ForumEvents } from './forum-events.js';

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
 * Bumps the lists' counter (KEYS[1]) and one thread's (KEYS[2]) as bumpScript bumps the whole one, and lets the
 * thread's expire (ARGV[2] seconds) once no cached answer can still be keyed by it: a thread nobody writes to costs
 * Redis nothing, and when its counter starts again it starts past every value it had.
 */
const bumpThreadScript = `for i = 1, 2 do
  if redis.call('EXISTS', KEYS[i]) == 0 then redis.call('SET', KEYS[i], ARGV[1]) end
  redis.call('INCR', KEYS[i])
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1`;

/**
 * What a cached answer was read from: one or more threads' pages (a query asking only for `thread(id: ...)`), or
 * anything else ('lists': thread lists, search, tags, profiles, canonical answers).
 */
export type ContentScope = { threads: readonly number[] } | 'lists';

/**
 * Numbers that change after every committed write that can change what a visitor who is not signed in sees (a
 * mutation, a post job, re-cooking). Cached anonymous responses are keyed by the generation of their scope, read
 * before anything else, so a bump makes every older response of that scope unreachable at once.
 *
 * A write to one thread (a question, a reply, an edit, an accepted answer, the bot's work on the question) bumps that
 * thread's counter and the lists' (`bumpThread`): the other threads' pages stay cached while a busy forum writes.
 * Any other write bumps the counter that is part of every scope (`bump`). Without REDIS_URL they are this process's
 * counters. With it they live in Redis and each anonymous query reads them there (one MGET): a write on one instance
 * is seen by the very next read on any other, which a message pushed to the other instances could not promise (it
 * may arrive after that read). While Redis cannot be reached the generation is unknown (null), so the cache is not
 * used; a bump that failed then is made (of everything) once Redis is back, before this instance uses the cache again,
 * for the writes other instances could not hear of.
 */
@Injectable()
export class ContentGeneration implements OnModuleInit {
  private readonly logger = new Logger('ContentGeneration');
  private readonly key: string;
  private readonly listsKey: string;
  /** How long a thread's counter outlives its last bump: longer than any cached answer keyed by it. */
  private readonly threadSeconds: number;
  private local = 0;
  private localLists = 0;
  /** Threads bumped within threadSeconds, oldest bump first, with the value of `localLists` each got. */
  private readonly localThreads = new Map<number, { value: number; at: number }>();
  private bumpsStarted = 0;
  /** A bump failed after this many had started: one started later must succeed before the cache is used again. */
  private owedAfter: number | null = null;

  constructor(
    @Inject(redisClient) private readonly redis: Redis | null,
    environment: Environment,
    private readonly events: ForumEvents,
  ) {
    this.key = `${environment.REDIS_KEY_PREFIX}content-generation`;
    this.listsKey = `${this.key}:lists`;
    this.threadSeconds = 2 * environment.ANONYMOUS_CACHE_SECONDS + 60;
  }

  onModuleInit(): void {
    // Registered before the features' own handlers (this module is initialised first), so that a live subscriber who
    // reads the thread again on hearing of the change never gets the answer from before it.
    const bumpThread = ({ threadId }: { threadId: number }) => this.bumpThread(threadId);
    this.events.on('questionPosted', bumpThread);
    this.events.on('replyPosted', bumpThread);
    this.events.on('postEdited', bumpThread);
    this.events.on('replyAccepted', bumpThread);
    this.events.on('answerUnaccepted', bumpThread);
    this.events.on('threadLocked', bumpThread);
    this.events.on('postHidden', bumpThread);
  }

  /** The generation of a scope now, or null when it cannot be known (Redis is configured but unreachable). */
  async current(scope: ContentScope = 'lists'): Promise<string | null> {
    const threads = scope === 'lists' ? [] : scope.threads;
    if (!this.redis) {
      if (scope === 'lists') return `${this.local}:${this.localLists}`;
      return [this.local, ...threads.map((id) => this.localThread(id))].join(':');
    }
    if (this.redis.status !== 'ready') return null;
    try {
      if (this.owedAfter !== null) await withTimeout(this.bumpShared(), redisReadTimeoutMs);
      const keys = scope === 'lists' ? [this.key, this.listsKey] : [this.key, ...threads.map((id) => this.threadKey(id))];
      const values = await withTimeout(this.redis.mget(...keys), redisReadTimeoutMs);
      if (values[0] === null) values[0] = await withTimeout(this.bumpShared(), redisReadTimeoutMs);
      // A missing lists' or thread's counter was never bumped, or not for longer than any answer is cached.
      return values.map((value) => value ?? '-').join(':');
    } catch {
      return null;
    }
  }

  /** After a write that anonymous visitors could see has committed, when it is not one thread's alone; never throws. */
  async bump(): Promise<void> {
    this.local++;
    if (!this.redis) return;
    await this.shared(() => this.bumpShared());
  }

  /** After a write that changed one thread (and so the lists that show it) has committed; never throws. */
  async bumpThread(threadId: number): Promise<void> {
    this.bumpLocalThread(threadId, ++this.localLists);
    if (!this.redis) return;
    await this.shared(async () => {
      ++this.bumpsStarted;
      const start = String(Date.now() * 1000);
      await this.redis!.eval(bumpThreadScript, 2, this.listsKey, this.threadKey(threadId), start, String(this.threadSeconds));
    });
  }

  private async shared(bump: () => Promise<unknown>): Promise<void> {
    try {
      await bump();
    } catch (error) {
      this.owedAfter = this.bumpsStarted;
      // During an outage RedisConnections has said so once already.
      if (this.redis!.status === 'ready') this.logger.warn(`could not bump the content generation on Redis: ${(error as Error).message}`);
    }
  }

  private async bumpShared(): Promise<string> {
    const started = ++this.bumpsStarted;
    const value = String(await this.redis!.eval(bumpScript, 1, this.key, String(Date.now() * 1000)));
    if (this.owedAfter !== null && started > this.owedAfter) this.owedAfter = null;
    return value;
  }

  private threadKey(threadId: number): string {
    return `${this.key}:thread:${threadId}`;
  }

  private localThread(threadId: number): number | string {
    const entry = this.localThreads.get(threadId);
    return entry && entry.at > Date.now() - this.threadSeconds * 1000 ? entry.value : '-';
  }

  private bumpLocalThread(threadId: number, value: number): void {
    const now = Date.now();
    this.localThreads.delete(threadId);
    this.localThreads.set(threadId, { value, at: now });
    // Oldest first: forget the threads no cached answer can still be keyed by.
    for (const [id, entry] of this.localThreads) {
      if (entry.at > now - this.threadSeconds * 1000) break;
      this.localThreads.delete(id);
    }
  }
}
