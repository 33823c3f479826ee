import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ThreadActivityKind } from '../thread-activity-kind.js';

@ObjectType('ThreadActivity', { description: 'Something changed in a thread: refetch the part named by kind and replyId.' })
export class ThreadActivity {
  @Field(() => ThreadActivityKind, { description: 'What changed.' })
  kind: ThreadActivityKind;

  @Field(() => ID, { description: 'The thread that changed.' })
  threadId: string;

  @Field(() => ID, { nullable: true, description: 'The reply concerned, if any.' })
  replyId: string | null;

  @Field({ description: 'When it happened.' })
  at: Date;
}
