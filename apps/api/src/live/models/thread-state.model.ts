import { Field, ObjectType } from '@nestjs/graphql';
import { ThreadStatus } from '../../threads/thread-status.js';

@ObjectType('ThreadState', { description: "A thread's state after an answer was accepted or withdrawn, or a lock changed." })
export class ThreadState {
  @Field(() => ThreadStatus, { description: 'The thread status now.' })
  status: ThreadStatus;

  @Field({ description: 'Whether the thread is locked now.' })
  locked: boolean;
}
