import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('replies')
export class ReplyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'thread_id', type: 'integer' })
  threadId: number;

  @Column({ name: 'author_id', type: 'integer' })
  authorId: number;

  /** Markdown as written. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitised (see MarkdownService.cook); null until cooked. */
  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml: string | null;

  /** The rendererVersion that cooked bodyHtml (0: not cooked); older ones are re-cooked in the background. */
  @Column({ name: 'body_html_version', type: 'integer', default: 0 })
  bodyHtmlVersion: number;

  /** Set when a staff member wrote it; stays set if their role changes later. */
  @Column({ name: 'is_staff_answer', type: 'boolean', default: false })
  isStaffAnswer: boolean;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Starts at 1; every edit adds one (see updateUnlessEditedSince). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'edited_at', nullable: true, type: Date })
  editedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
