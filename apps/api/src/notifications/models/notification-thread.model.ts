import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('NotificationThread', { description: 'The thread a notification is about: enough to show and link it.' })
export class NotificationThread {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;
}
