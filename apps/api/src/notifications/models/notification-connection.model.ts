import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { Notification } from './notification.model.js';

@ObjectType('NotificationConnection', { description: 'One page of your notifications, newest first.' })
export class NotificationConnection extends Paginated(Notification, 'Notification', 'notification') {}
