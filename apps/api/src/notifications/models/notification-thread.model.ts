import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('NotificationThread', { description: 'The thread a notification is about: enough to show and link it.' })
export class NotificationThread {
  @Field(() => ID, { description: "The thread's id." })
  id: string;

  @Field({ description: "The thread's title." })
  title: string;
}
