import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model.js';
import { Reply } from './reply.model.js';

@ObjectType('ReplyEdge')
export class ReplyEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this reply.' })
  cursor: string;

  @Field(() => Reply)
  node: Reply;
}

@ObjectType('ReplyConnection', { description: 'One page of replies, oldest first.' })
export class ReplyConnection {
  @Field(() => [ReplyEdge])
  edges: ReplyEdge[];

  @Field(() => [Reply])
  nodes: Reply[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
