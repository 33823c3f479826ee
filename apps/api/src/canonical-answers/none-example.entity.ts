import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A question staff dismissed as "not one of ours": the matcher learns to abstain on questions like it. */
@Entity('none_examples')
export class NoneExampleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  text: string;

  /** The thread the question came from. */
  @Column({ name: 'thread_id', type: 'integer', nullable: true })
  threadId: number | null;

  @Column({ name: 'created_by_id', type: 'integer', nullable: true })
  createdById: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
