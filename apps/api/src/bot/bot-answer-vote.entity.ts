import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reader (not the asker) found a bot answer useful; one per reader. */
@Entity('bot_answer_votes')
export class BotAnswerVoteEntity {
  @PrimaryColumn({ name: 'suggestion_id', type: 'integer' })
  suggestionId: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
