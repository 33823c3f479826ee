import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind } from './notification-kind.js';

/** Something one user should look at; unread until read_at is set. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Who is notified. */
  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: NotificationKind;

  /** Null for a notice about the account itself (SIGN_IN_ATTEMPT). */
  @Column({ name: 'thread_id', type: 'integer', nullable: true })
  threadId: number | null;

  @Column({ name: 'reply_id', type: 'integer', nullable: true })
  replyId: number | null;

  /** Who caused it; null once that account is gone. */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ name: 'read_at', nullable: true, type: Date })
  readAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
