import { Field, ObjectType } from '@nestjs/graphql';
import { Notification } from './notification.model.js';

@ObjectType('NotificationAdded', { description: 'A new notification for you, with your unread count after it.' })
export class NotificationAdded {
  @Field(() => Notification, { description: 'The new notification.' })
  notification: Notification;

  // unreadCount: resolved by NotificationAddedResolver, for each subscriber as the notification reaches them.
}
