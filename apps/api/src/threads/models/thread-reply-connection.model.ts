import { Field, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { Reply } from './reply.model.js';

@ObjectType('ThreadRepliesPageInfo', {
  description:
    "Where a page of a thread's replies starts and ends: startCursor as `before` reads the page before it, endCursor as `after` the page after.",
})
export class ThreadRepliesPageInfo {
  @Field({ description: 'Whether the viewer sees replies before this page, as they stand when it is read (after a cursor too).' })
  hasPreviousPage: boolean;

  @Field({ description: 'Whether the viewer sees replies after this page, as they stand when it is read (before a cursor too).' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Opaque cursor before the first reply of this page; null on an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor after the last reply of this page; null on an empty page.' })
  endCursor: string | null;
}

@ObjectType('ThreadReplyConnection', { description: "One page of a thread's replies, oldest first." })
export class ThreadReplyConnection extends Paginated(Reply, 'Reply', 'reply', ThreadRepliesPageInfo) {}
