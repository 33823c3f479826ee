import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { AcceptanceChange } from '../moderation-action-kind.js';

registerEnumType(AcceptanceChange, {
  name: 'AcceptanceChange',
  description: "What hiding or restoring a reply did to its thread's accepted answer.",
  valuesMap: {
    WITHDRAWN: { description: 'The reply was the accepted answer: hiding it withdrew the acceptance, and the thread is no longer solved.' },
    GIVEN_BACK: {
      description:
        'The reply was the accepted answer when it was hidden and none was accepted since: restoring it accepted it again, and the thread is solved again.',
    },
  },
});

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

  @Field(() => AcceptanceChange, {
    nullable: true,
    description: "What the action did to the thread's accepted answer (HIDE and RESTORE of a reply); null when it changed nothing.",
  })
  acceptance: AcceptanceChange | null;

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
