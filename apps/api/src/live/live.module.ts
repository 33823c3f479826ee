import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { AuthModule } from '../auth/auth.module.js';
import { GraphqlSocketServer } from './graphql-socket-server.js';
import { LivePubSub } from './live-pubsub.js';
import { LiveResolver } from './live.resolver.js';
import { LiveService } from './live.service.js';
import { LocalPubSub } from './local-pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';

function createPubSub(environment: Environment): LivePubSub {
  if (!environment.REDIS_URL) return new LocalPubSub();
  const logger = new Logger('LivePubSub');
  const connect = () => {
    const redis = new Redis(environment.REDIS_URL!, { maxRetriesPerRequest: 2 });
    redis.on('error', (error) => logger.warn(error.message));
    return redis;
  };
  return new RedisPubSub(connect(), connect(), `${environment.REDIS_KEY_PREFIX}live:`);
}

class PubSubShutdown implements OnApplicationShutdown {
  constructor(@Inject(LivePubSub) private readonly pubSub: LivePubSub) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close();
  }
}

/** Live updates over GraphQL subscriptions (graphql-ws on /graphql); other features publish through LivePubSub. */
@Module({
  imports: [AuthModule],
  providers: [
    { provide: LivePubSub, inject: [Environment], useFactory: createPubSub },
    PubSubShutdown,
    LiveService,
    LiveResolver,
    GraphqlSocketServer,
  ],
  exports: [LivePubSub],
})
export class LiveModule {}
