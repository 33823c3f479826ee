import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';

@ObjectType('ModerationAction', { description: 'One entry of the moderation log. actor is resolved on demand.' })
export class ModerationAction {
  @Field(() => ID, { description: "The log entry's id." })
  id: string;

  @Field({ description: 'HIDE, RESTORE, LOCK, UNLOCK or RESOLVE_FLAG (other features may log more kinds, e.g. CHANGE_ROLE).' })
  action: string;

  @Field({ description: 'What it was done to: THREAD, REPLY, FLAG (or USER).' })
  targetType: string;

  @Field(() => ID, { description: 'The id of the thread, reply, flag or user acted on.' })
  targetId: string;

  @Field(() => String, { nullable: true, description: "The moderator's reason or note. Plain text." })
  note: string | null;

  @Field({ description: 'When it was done.' })
  createdAt: Date;

  /** Not a field: for the actor resolver. */
  actorId: number;
}

@ObjectType('ModerationActionConnection', { description: 'One page of the moderation log, newest first.' })
export class ModerationActionConnection {
  @Field(() => [ModerationAction], { description: 'The log entries of this page, newest first.' })
  nodes: ModerationAction[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}
