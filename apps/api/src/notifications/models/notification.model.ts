import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationKind } from '../notification-kind.js';
import { NotificationThread } from './notification-thread.model.js';

@ObjectType('Notification', { description: 'Something in the forum you should look at.' })
export class Notification {
  @Field(() => ID, { description: "The notification's id." })
  id: string;

  @Field(() => NotificationKind, { description: 'Why you were notified.' })
  kind: NotificationKind;

  @Field(() => NotificationThread, { nullable: true, description: 'The thread it is about; null for SIGN_IN_ATTEMPT, about your account.' })
  thread: NotificationThread | null;

  @Field(() => ID, { nullable: true, description: 'The reply concerned; null when it is about the question itself.' })
  replyId: string | null;

  @Field({ description: 'The reply concerned is yours: for ACCEPTED, your answer was accepted (else an answer on your question).' })
  replyIsYours: boolean;

  /** Resolved through `actor`; not a field. */
  actorId: number | null;

  @Field({ description: 'When it happened.' })
  createdAt: Date;

  @Field({ description: 'Whether you marked it read.' })
  read: boolean;
}
