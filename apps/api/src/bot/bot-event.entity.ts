import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BotEventType } from './bot-event-type.js';

/** One countable thing the bot did or that happened to its answers (the statistics read these). */
@Entity('bot_events')
export class BotEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  type: BotEventType;

  @Column({ name: 'answer_id', type: 'integer', nullable: true })
  answerId: number | null;

  @Column({ name: 'thread_id', type: 'integer', nullable: true })
  threadId: number | null;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
