import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UNREAD_COUNT_LIMIT } from '../unread-count-limit.js';
import { Notification } from './notification.model.js';

@ObjectType('NotificationAdded', { description: 'A new notification for you, with your unread count after it.' })
export class NotificationAdded {
  @Field(() => Notification, { description: 'The new notification.' })
  notification: Notification;

  @Field(() => Int, {
    description: `How many notifications you have not read, this one included, counted up to ${UNREAD_COUNT_LIMIT}.`,
  })
  unreadCount: number;
}
