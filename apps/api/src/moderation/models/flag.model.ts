import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { PostType } from '../../common/post-type.js';
import { FlagResolution, FlagStatus } from '../flag.entity.js';

registerEnumType(FlagStatus, {
  name: 'FlagStatus',
  description: 'OPEN until a moderator resolves the flag or hides the post.',
  valuesMap: {
    OPEN: { description: 'Waiting for a moderator.' },
    RESOLVED: { description: 'A moderator resolved the flag or hid the post (resolution says which).' },
  },
});

registerEnumType(FlagResolution, {
  name: 'FlagResolution',
  description: 'How a moderator resolved a flag.',
  valuesMap: {
    POST_HIDDEN: { description: 'The post was hidden: the flag was upheld.' },
    DISMISSED: { description: 'A moderator dismissed the flag (resolveFlag) and left the post as it was.' },
  },
});

@ObjectType('Flag', {
  description: "A member's report that a post needs a moderator's attention. reporter, resolvedBy and postAuthor are resolved on demand.",
})
export class Flag {
  @Field(() => ID, { description: "The flag's id; pass to resolveFlag." })
  id: string;

  @Field(() => PostType, { description: 'Whether the flagged post is a question or a reply.' })
  postType: PostType;

  @Field(() => ID, { description: 'The thread id for a THREAD, the reply id for a REPLY.' })
  postId: string;

  @Field(() => ID, { nullable: true, description: 'The thread the post belongs to; null if the post no longer exists.' })
  threadId: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text: clients must escape it. Null if the post no longer exists.' })
  threadTitle: string | null;

  @Field({
    description:
      'The start of the post as readers see it, as plain text (Markdown rendered, then its tags removed): clients must escape it.',
  })
  excerpt: string;

  @Field({ description: 'Why the member flagged it. Plain text.' })
  reason: string;

  @Field(() => FlagStatus, { description: 'Whether the flag still waits for a moderator.' })
  status: FlagStatus;

  @Field(() => FlagResolution, { nullable: true, description: 'How a moderator resolved it; null while open.' })
  resolution: FlagResolution | null;

  @Field({ description: 'When the member flagged the post.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a moderator resolved it; null while open.' })
  resolvedAt: Date | null;

  /** Not fields: for the reporter, resolvedBy and postAuthor resolvers. */
  reporterId: number;
  resolvedById: number | null;
  postAuthorId: number | null;
}

@ObjectType('FlagConnection', { description: 'One page of flags, in the order of the list that returns it.' })
export class FlagConnection {
  @Field(() => [Flag], { description: 'The flags of this page.' })
  nodes: Flag[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}
