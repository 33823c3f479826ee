import { Notification } from './models/notification.model.js';
import { NotificationEntity } from './notification.entity.js';

export function toNotification(entity: NotificationEntity, threadTitle: string): Notification {
  return {
    id: String(entity.id),
    kind: entity.kind,
    thread: { id: String(entity.threadId), title: threadTitle },
    replyId: entity.replyId === null ? null : String(entity.replyId),
    actorId: entity.actorId,
    createdAt: entity.createdAt,
    read: entity.readAt !== null,
  };
}

/** How a notification travels to live subscribers: JSON, so the date is a string. */
export interface NotificationAddedMessage {
  notification: Omit<Notification, 'createdAt'> & { createdAt: string };
  unreadCount: number;
}
