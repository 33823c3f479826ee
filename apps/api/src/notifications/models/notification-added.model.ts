import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Notification } from './notification.model.js';

@ObjectType('NotificationAdded', { description: 'A new notification for you, with your unread count after it.' })
export class NotificationAdded {
  @Field(() => Notification)
  notification: Notification;

  @Field(() => Int)
  unreadCount: number;
}
