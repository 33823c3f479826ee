import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UNREAD_COUNT_LIMIT } from '../unread-count-limit.js';
import { Notification } from './notification.model.js';

@ObjectType('NotificationAdded', { description: 'A new notification for you, with your unread count after it.' })
export class NotificationAdded {
  @Field(() => Notification, { description: 'The new notification.' })
  notification: Notification;

  // Read once per instance for all of a member's subscriptions (NotificationsService.unreadCountAfter).
  @Field(() => Int, { description: `How many notifications you have not read, this one included, counted up to ${UNREAD_COUNT_LIMIT}.` })
  unreadCount: Promise<number>;
}
