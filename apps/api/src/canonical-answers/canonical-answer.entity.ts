import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A staff-written answer to a frequent question; the FAQ bot suggests these. */
@Entity('canonical_answers')
export class CanonicalAnswerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** [a-z0-9-], 3 to 64 characters; the public address is /answers/<slug>. */
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitised (see MarkdownService.cook); null until cooked. */
  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml: string | null;

  /** The rendererVersion that cooked bodyHtml (0: not cooked); older ones are cooked again at start-up. */
  @Column({ name: 'body_html_version', type: 'integer', default: 0 })
  bodyHtmlVersion: number;

  /** Retired answers are kept (links keep working) but never suggested. */
  @Column({ type: 'boolean', default: false })
  retired: boolean;

  /** Starts at 1; every edit of title or body adds one and keeps the previous text as a revision. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Null for the built-in answers. */
  @Column({ name: 'author_id', type: 'integer', nullable: true })
  authorId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
