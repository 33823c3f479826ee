import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { AuthModule } from '../auth/auth.module.js';
import { RedisConnections } from '../redis/redis-status.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { GraphqlSocketServer } from './graphql-socket-server.js';
import { LivePubSub } from './live-pubsub.js';
import { LiveResolver } from './live.resolver.js';
import { LiveService } from './live.service.js';
import { LocalPubSub } from './local-pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';

function createPubSub(environment: Environment, connections: RedisConnections): LivePubSub {
  const publisher = connections.connect();
  const subscriber = connections.connect();
  if (!publisher || !subscriber) return new LocalPubSub();
  return new RedisPubSub(publisher, subscriber, `${environment.REDIS_KEY_PREFIX}live:`);
}

class PubSubShutdown implements OnApplicationShutdown {
  constructor(@Inject(LivePubSub) private readonly pubSub: LivePubSub) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close();
  }
}

/** Live updates over GraphQL subscriptions (graphql-ws on /graphql); other features publish through LivePubSub. */
@Module({
  imports: [AuthModule, ThreadsModule, UsersModule],
  providers: [
    { provide: LivePubSub, inject: [Environment, RedisConnections], useFactory: createPubSub },
    PubSubShutdown,
    LiveService,
    LiveResolver,
    GraphqlSocketServer,
  ],
  exports: [LivePubSub],
})
export class LiveModule {}
