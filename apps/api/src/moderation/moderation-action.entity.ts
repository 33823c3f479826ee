import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AcceptanceChange } from './moderation-action-kind.js';

/** The audit log: one row per moderation action. */
@Entity('moderation_actions')
export class ModerationActionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'actor_id', type: 'integer' })
  actorId: number;

  /** HIDE, RESTORE, LOCK, UNLOCK, RESOLVE_FLAG, CHANGE_ROLE ... */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** THREAD, REPLY, FLAG or USER. */
  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: string;

  @Column({ name: 'target_id', type: 'integer' })
  targetId: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** WITHDRAWN or GIVEN_BACK when the action changed the thread's accepted answer, else null. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  acceptance: AcceptanceChange | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
