import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationKind } from '../notification-kind.js';
import { NotificationThread } from './notification-thread.model.js';

@ObjectType('Notification', { description: 'Something in the forum you should look at.' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationThread)
  thread: NotificationThread;

  @Field(() => ID, { nullable: true, description: 'The reply concerned; null when it is about the question itself.' })
  replyId: string | null;

  /** Resolved through `actor`; not a field. */
  actorId: number | null;

  @Field()
  createdAt: Date;

  @Field({ description: 'Whether you marked it read.' })
  read: boolean;
}
