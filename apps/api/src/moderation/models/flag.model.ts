import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { PostType } from '../../threads/post-type.js';
import { FlagStatus } from '../flag.entity.js';

registerEnumType(FlagStatus, { name: 'FlagStatus', description: 'OPEN until a moderator resolves the flag or hides the post.' });

@ObjectType('Flag', {
  description: "A member's report that a post needs a moderator's attention. reporter and resolvedBy are resolved on demand.",
})
export class Flag {
  @Field(() => ID)
  id: string;

  @Field(() => PostType)
  postType: PostType;

  @Field(() => ID, { description: 'The thread id for a THREAD, the reply id for a REPLY.' })
  postId: string;

  @Field(() => ID, { nullable: true, description: 'The thread the post belongs to; null if the post no longer exists.' })
  threadId: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text: clients must escape it. Null if the post no longer exists.' })
  threadTitle: string | null;

  @Field({ description: 'The start of the post body as plain text (markdown not rendered): clients must escape it.' })
  excerpt: string;

  @Field({ description: 'Why the member flagged it. Plain text.' })
  reason: string;

  @Field(() => FlagStatus)
  status: FlagStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  /** Not fields: for the reporter and resolvedBy resolvers. */
  reporterId: number;
  resolvedById: number | null;
}

@ObjectType('FlagConnection', { description: 'One page of flags, oldest first.' })
export class FlagConnection {
  @Field(() => [Flag])
  nodes: Flag[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
