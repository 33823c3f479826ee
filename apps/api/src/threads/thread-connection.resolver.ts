import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ThreadConnection } from './models/thread-connection.model.js';
import { forumScanPerPageCost } from '../graphql/query-limits.js';

@Resolver(() => ThreadConnection)
export class ThreadConnectionResolver {
  @ResolveField(() => Int, {
    complexity: forumScanPerPageCost,
    description: 'Every thread matching the filter (one extra query, only when asked for).',
  })
  totalCount(@Parent() connection: ThreadConnection): Promise<number> {
    return connection.count();
  }
}
