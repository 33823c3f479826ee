import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ForumActivity', {
  description: 'A thread got activity (a new question, a reply, an accepted answer, a lock): the thread list can mark it.',
})
export class ForumActivity {
  @Field(() => ID, { description: 'The thread that got activity.' })
  threadId: string;

  @Field({ description: 'When it happened.' })
  lastActivityAt: Date;
}
