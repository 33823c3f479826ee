import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Reply } from '../../threads/models/reply.model.js';
import { Thread } from '../../threads/models/thread.model.js';
import { ThreadActivityKind } from '../thread-activity-kind.js';
import { ThreadState } from './thread-state.model.js';

@ObjectType('ThreadActivity', {
  description:
    'Something changed in a thread. It carries the change (reply, question, state) when you may see it; when all three are null, ' +
    'read the thread again.',
})
export class ThreadActivity {
  @Field(() => ThreadActivityKind, { description: 'What changed.' })
  kind: ThreadActivityKind;

  @Field(() => ID, { description: 'The thread that changed.' })
  threadId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The reply concerned, if any (ACCEPTED: the accepted answer; null when it was withdrawn).',
  })
  replyId: string | null;

  @Field({ description: 'When it happened.' })
  at: Date;

  @Field({
    description: 'Whether you did it (your own reply, accept, lock, edit or moderation): the page need not tell you about it.',
  })
  byYou: boolean;

  @Field(() => Reply, {
    nullable: true,
    description: 'NEW_REPLY, BOT_ANSWER, UPDATED: the new or edited reply as you may see it. Its own fields and author cost no read.',
  })
  reply: Reply | null;

  @Field(() => Thread, {
    nullable: true,
    description: 'UPDATED: the edited question. Its own fields and tags cost no read; other relations are read per subscriber.',
  })
  question: Thread | null;

  @Field(() => ThreadState, { nullable: true, description: 'ACCEPTED, LOCKED, UNLOCKED: the thread state after the change.' })
  state: ThreadState | null;
}
