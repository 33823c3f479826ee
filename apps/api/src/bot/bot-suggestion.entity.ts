import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BotFeedback, BotSuggestionStatus } from './bot-suggestion-status.js';

/** What the bot made of one question, and what happened to it since. */
@Entity('bot_suggestions')
export class BotSuggestionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'thread_id', type: 'integer' })
  threadId: number;

  /** The answer suggested (or chosen by the asker or a staff member); null when none fits. */
  @Column({ name: 'answer_id', type: 'integer', nullable: true })
  answerId: number | null;

  @Column({ type: 'double precision', default: 0 })
  confidence: number;

  /** JSON: [{ slug, confidence }], the matcher's ranking. */
  @Column({ type: 'text' })
  alternatives: string;

  /** JSON: { question, choices: [{ slug, label }, { slug, label }] } when the bot asked one. */
  @Column({ type: 'text', nullable: true })
  clarify: string | null;

  /** JSON: { terms, signals } from the matcher, for staff. */
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'varchar', length: 24 })
  status: BotSuggestionStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  feedback: BotFeedback | null;

  /** Shown collapsed: the asker said it did not help. */
  @Column({ type: 'boolean', default: false })
  folded: boolean;

  @Column({ name: 'useful_votes', type: 'integer', default: 0 })
  usefulVotes: number;

  /** The bot's public reply, once it posted one. */
  @Column({ name: 'reply_id', type: 'integer', nullable: true })
  replyId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'decided_by_id', type: 'integer', nullable: true })
  decidedById: number | null;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt: Date | null;
}
