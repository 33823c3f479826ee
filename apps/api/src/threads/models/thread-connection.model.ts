import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model.js';
import { Thread } from './thread.model.js';

@ObjectType('ThreadEdge')
export class ThreadEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this thread.' })
  cursor: string;

  @Field(() => Thread)
  node: Thread;
}

@ObjectType('ThreadConnection', { description: 'One page of threads.' })
export class ThreadConnection {
  @Field(() => [ThreadEdge])
  edges: ThreadEdge[];

  @Field(() => [Thread])
  nodes: Thread[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Not a field: counts every match, run only when totalCount is asked for. */
  count: () => Promise<number>;
}
