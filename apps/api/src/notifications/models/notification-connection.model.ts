import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../threads/models/page-info.model.js';
import { Notification } from './notification.model.js';

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this notification.' })
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType('NotificationConnection', { description: 'One page of your notifications, newest first.' })
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => [Notification])
  nodes: Notification[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
