import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';

/** The shared Redis connection, or null when REDIS_URL is not set (one instance keeps its state in memory). */
export const redisClient = Symbol('redisClient');

class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(redisClient) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: redisClient,
      inject: [Environment],
      useFactory: (environment: Environment): Redis | null => {
        if (!environment.REDIS_URL) return null;
        const redis = new Redis(environment.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
        redis.on('error', (error) => new Logger('Redis').warn(error.message));
        return redis;
      },
    },
    RedisShutdown,
  ],
  exports: [redisClient],
})
export class RedisModule {}
