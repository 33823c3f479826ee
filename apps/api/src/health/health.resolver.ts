import { Directive, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { RedisConnections } from '../redis/redis-status.js';
import { Health } from './health.model.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly redis: RedisConnections) {}

  @Public()
  @Directive(neverCached)
  @Query(() => Health, { description: 'Touches nothing but the process: the baseline the API benchmark compares against.' })
  health(): Health {
    return { status: 'ok', time: new Date(), redis: this.redis.state };
  }
}
