import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PostType } from '../common/post-type.js';

/** The text a post had before one edit. */
@Entity('revisions')
export class RevisionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'post_type', type: 'varchar', length: 16 })
  postType: PostType;

  @Column({ name: 'post_id', type: 'integer' })
  postId: number;

  @Column({ name: 'editor_id', type: 'integer' })
  editorId: number;

  /** Null for replies, which have no title. */
  @Column({ name: 'previous_title', type: 'varchar', length: 200, nullable: true })
  previousTitle: string | null;

  @Column({ name: 'previous_body', type: 'text' })
  previousBody: string;

  /** previousBody rendered and sanitised, as the post stored it before the edit; null until cooked. */
  @Column({ name: 'previous_body_html', type: 'text', nullable: true })
  previousBodyHtml: string | null;

  /** The rendererVersion that cooked previousBodyHtml (0: not cooked); older ones are re-cooked in the background. */
  @Column({ name: 'previous_body_html_version', type: 'integer', default: 0 })
  previousBodyHtmlVersion: number;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
