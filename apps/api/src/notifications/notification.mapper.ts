import { sqlDate, sqlDateOrNull } from '../common/sql.js';
import { Notification } from './models/notification.model.js';
import { NotificationKind } from './notification-kind.js';
import { NotificationEntity } from './notification.entity.js';

/** What a notification shows beside its own row: its thread's title (null: no thread), and who wrote its reply (null: no reply). */
export interface NotificationSubject {
  threadTitle: string | null;
  replyAuthorId: number | null;
}

export function toNotification(entity: NotificationEntity, subject: NotificationSubject): Notification {
  return {
    id: String(entity.id),
    kind: entity.kind,
    thread: entity.threadId === null ? null : { id: String(entity.threadId), title: subject.threadTitle ?? '' },
    replyId: entity.replyId === null ? null : String(entity.replyId),
    replyIsYours: subject.replyAuthorId === entity.userId,
    actorId: entity.actorId,
    createdAt: entity.createdAt,
    read: entity.readAt !== null,
  };
}

/** A notification's columns, from `notifications` aliased `n`, for hand-written SQL (common/sql.ts). */
export const notificationSelect = 'n.id, n.user_id, n.kind, n.thread_id, n.reply_id, n.actor_id, n.read_at, n.created_at';

export interface NotificationRow {
  id: number;
  user_id: number;
  kind: NotificationKind;
  thread_id: number | null;
  reply_id: number | null;
  actor_id: number | null;
  read_at: unknown;
  created_at: unknown;
}

export function notificationFromRow(row: NotificationRow): NotificationEntity {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    kind: row.kind,
    threadId: row.thread_id === null ? null : Number(row.thread_id),
    replyId: row.reply_id === null ? null : Number(row.reply_id),
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    readAt: sqlDateOrNull(row.read_at),
    createdAt: sqlDate(row.created_at),
  };
}

/** How a notification travels to live subscribers: JSON, so the date is a string. */
export interface NotificationAddedMessage {
  notification: Omit<Notification, 'createdAt'> & { createdAt: string };
}
