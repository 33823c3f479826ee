import { Args, Directive, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args.js';
import { NotificationsArgs } from './dto/notifications.args.js';
import { NotificationAdded } from './models/notification-added.model.js';
import { NotificationConnection } from './models/notification-connection.model.js';
import { Notification } from './models/notification.model.js';
import { NotificationsService } from './notifications.service.js';
import { UNREAD_COUNT_LIMIT } from './unread-count-limit.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';
import { LeavesPublicContent } from '../graphql/anonymous-response-cache.js';

const payload = <T>(value: T) => value;

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly notificationsService: NotificationsService,
    private readonly users: UsersService,
  ) {}

  @Directive(neverCached)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first (signed in).' })
  notifications(@Ctx() context: RequestContext, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.notificationsService.list(context, args);
  }

  @Directive(neverCached)
  @Query(() => Int, {
    description: `How many of your notifications are unread, for the badge, counted up to ${UNREAD_COUNT_LIMIT} (that many or more; signed in).`,
  })
  unreadNotificationCount(@Ctx() context: RequestContext): Promise<number> {
    return this.notificationsService.unreadCount(context);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, {
    description: `Marks some of your notifications read; returns how many are still unread, counted up to ${UNREAD_COUNT_LIMIT}.`,
  })
  markNotificationsRead(@Ctx() context: RequestContext, @Args() args: MarkNotificationsReadArgs): Promise<number> {
    return this.notificationsService.markRead(context, args);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, {
    description: `Marks your notifications about one thread read, as opening it does; returns how many are still unread, counted up to ${UNREAD_COUNT_LIMIT}.`,
  })
  markThreadNotificationsRead(
    @Ctx() context: RequestContext,
    @Args('threadId', { type: () => ID, description: 'The thread opened.' }) threadId: string,
  ): Promise<number> {
    return this.notificationsService.markThreadRead(context, threadId);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many are still unread (0).' })
  markAllNotificationsRead(@Ctx() context: RequestContext): Promise<number> {
    return this.notificationsService.markAllRead(context);
  }

  @Subscription(() => NotificationAdded, { resolve: payload, description: 'Your new notifications as they are made (signed in).' })
  notificationAdded(@Ctx() context: RequestContext): Promise<AsyncIterableIterator<NotificationAdded>> {
    return this.notificationsService.added(context);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who caused it; null if that account is gone.' })
  actor(@Ctx() context: RequestContext, @Parent() notification: Notification): Promise<User | null> | null {
    return notification.actorId === null ? null : this.users.byId(context, notification.actorId);
  }
}
