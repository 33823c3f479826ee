import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The text a canonical answer had at one version, kept when it is edited. */
@Entity('canonical_answer_revisions')
export class CanonicalAnswerRevisionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'answer_id', type: 'integer' })
  answerId: number;

  /** The version this text was. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Who replaced this text (made the next version); null for system edits. */
  @Column({ name: 'editor_id', type: 'integer', nullable: true })
  editorId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
