import { Field, ObjectType } from '@nestjs/graphql';
import { RedisState } from '../redis/redis-status.js';

@ObjectType({ description: 'Liveness of the API process.' })
export class Health {
  @Field({ description: '"ok" while the process serves requests.' })
  status: string;

  @Field({ description: "The server's clock." })
  time: Date;

  @Field(() => RedisState, {
    description:
      'Whether rate limits, live events and knowledge-base changes are shared through Redis, or kept per instance because Redis is not configured (DISABLED) or unreachable (DEGRADED).',
  })
  redis: RedisState;
}
