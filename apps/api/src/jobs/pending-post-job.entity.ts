import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PostType } from '../common/post-type.js';

/**
 * One job a post still needs (the bot's decision, its notifications...). Written in the transaction that
 * stores the post and deleted when the job has finished, so a post with no row here is fully processed.
 */
@Entity('pending_post_jobs')
export class PendingPostJobEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The job's name, as its feature registered it. */
  @Column({ type: 'varchar', length: 32 })
  job: string;

  @Column({ name: 'post_type', type: 'varchar', length: 8 })
  postType: PostType;

  @Column({ name: 'post_id', type: 'integer' })
  postId: number;

  /**
   * The person whose own action made the post (the asker, for the bot's instant answer), the edit (its editor) or the
   * acceptance (who accepted the reply): not notified of it.
   */
  @Column({ name: 'caused_by_id', type: 'integer', nullable: true })
  causedById: number | null;

  /**
   * An edit's job: the version of the post it waits to be run for, raised by each later edit. The job is done only if it
   * is unchanged when it finishes. Null for a new post's jobs, and for an acceptance's, whose version is the row's own id:
   * a later acceptance of the reply records a row of its own (rows recorded before held their id here too).
   */
  @Column({ name: 'post_version', type: 'integer', nullable: true })
  postVersion: number | null;

  /**
   * An edit's job: the revision holding the text the first edit it serves replaced. That text and those before it were
   * dealt with by earlier jobs; later edits' texts were not. Kept by later edits. Null for a new post's jobs.
   */
  @Column({ name: 'served_revision_id', type: 'integer', nullable: true })
  servedRevisionId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
