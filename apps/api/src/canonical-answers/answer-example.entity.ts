import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ExampleSource } from './example-source.js';

/** An example question a canonical answer fits: what the matcher learns from. */
@Entity('answer_examples')
export class AnswerExampleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'answer_id', type: 'integer' })
  answerId: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  source: ExampleSource;

  /** The thread the question came from (CONFIRMED and CORRECTED examples). */
  @Column({ name: 'thread_id', type: 'integer', nullable: true })
  threadId: number | null;

  @Column({ name: 'created_by_id', type: 'integer', nullable: true })
  createdById: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
