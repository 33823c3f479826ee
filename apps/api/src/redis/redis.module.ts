import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { RedisConnections } from './redis-status.js';

/** The shared Redis connection, or null when REDIS_URL is not set (one instance keeps its state in memory). */
export const redisClient = Symbol('redisClient');

class RedisLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(RedisConnections) private readonly connections: RedisConnections) {}

  /** After every module made its connections (some in onModuleInit), before the server listens. */
  async onApplicationBootstrap(): Promise<void> {
    await this.connections.connectedOrFailedOnce();
  }

  beforeApplicationShutdown(): void {
    this.connections.stopping();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.closeAll();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: RedisConnections,
      inject: [Environment],
      useFactory: (environment: Environment) => new RedisConnections(environment.REDIS_URL),
    },
    {
      provide: redisClient,
      inject: [RedisConnections],
      useFactory: (connections: RedisConnections): Redis | null => connections.connect(),
    },
    RedisLifecycle,
  ],
  exports: [redisClient, RedisConnections],
})
export class RedisModule {}
