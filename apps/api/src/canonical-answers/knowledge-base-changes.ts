import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { redisClient } from '../redis/redis.module.js';
import { RedisConnections } from '../redis/redis-status.js';

/** What changed: the canonical answers (any of them), or one thread the bot indexes. */
export type KnowledgeBaseChange = { topic: 'answers' } | { topic: 'thread'; threadId: number };

type Listener = (change: KnowledgeBaseChange) => Promise<void> | void;

/**
 * Tells every API instance that the bot's knowledge changed, so each rebuilds its matcher.
 * Local listeners run (and are awaited) at once; other instances hear it over Redis pub/sub.
 */
@Injectable()
export class KnowledgeBaseChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KnowledgeBaseChanges');
  private readonly origin = randomUUID();
  private readonly listeners: Listener[] = [];
  private subscriber: Redis | null = null;
  /** Instances sharing Redis and the channel prefix share one knowledge base. */
  private readonly channel: string;

  constructor(
    @Inject(redisClient) private readonly redis: Redis | null,
    private readonly connections: RedisConnections,
    environment: Environment,
  ) {
    this.channel = `${environment.REDIS_KEY_PREFIX}knowledge-base`;
  }

  onModuleInit(): void {
    // A connection in subscriber mode can do nothing else, so it gets its own. It subscribes on every
    // (re)connection; while Redis is unreachable, changes reach this instance only.
    const subscriber = this.connections.connect();
    if (!subscriber) return;
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => void this.receive(message));
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        // Answers changed on other instances while this one was not listening: read them again.
        () => this.notify({ topic: 'answers' }),
        (error: Error) => this.logger.warn(`subscribe: ${error.message}`),
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Runs this instance's listeners, then tells the others. */
  async publish(change: KnowledgeBaseChange): Promise<void> {
    await this.notify(change);
    if (this.redis?.status === 'ready') {
      await this.redis.publish(this.channel, JSON.stringify({ origin: this.origin, change })).catch((error: Error) => {
        this.logger.warn(`could not publish a knowledge base change: ${error.message}`);
      });
    }
  }

  private async receive(message: string): Promise<void> {
    try {
      const parsed = JSON.parse(message) as { origin?: string; change?: KnowledgeBaseChange };
      if (parsed.origin === this.origin || !parsed.change) return;
      await this.notify(parsed.change);
    } catch (error) {
      this.logger.warn(`ignored a knowledge base message: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async notify(change: KnowledgeBaseChange): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.logger.error(`knowledge base listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
}
