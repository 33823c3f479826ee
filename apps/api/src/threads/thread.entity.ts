import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ThreadStatus } from './thread-status.js';

/** A question and its discussion. */
@Entity('threads')
export class ThreadEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'author_id', type: 'integer' })
  authorId: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown as written. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitised (see MarkdownService.cook); null until cooked. */
  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml: string | null;

  /** The rendererVersion that cooked bodyHtml (0: not cooked); older ones are re-cooked in the background. */
  @Column({ name: 'body_html_version', type: 'integer', default: 0 })
  bodyHtmlVersion: number;

  /** LOCKED when locked, else ANSWERED when a reply is accepted, else OPEN; kept in step for filtering. */
  @Column({ type: 'varchar', length: 16 })
  status: ThreadStatus;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Column({ name: 'accepted_reply_id', type: 'integer', nullable: true })
  acceptedReplyId: number | null;

  /** The accepted reply a moderator hid: restoring it accepts it again, unless an answer was accepted since. */
  @Column({ name: 'hidden_accepted_reply_id', type: 'integer', nullable: true })
  hiddenAcceptedReplyId: number | null;

  /**
   * Who accepted the accepted reply, or the hidden one (hiddenAcceptedReplyId): the asker or staff. Null without either,
   * and for an acceptance made before this was recorded.
   */
  @Column({ name: 'accepted_by_id', type: 'integer', nullable: true })
  acceptedById: number | null;

  /** Replies visible to everyone (not hidden). */
  @Column({ name: 'reply_count', type: 'integer', default: 0 })
  replyCount: number;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Starts at 1; every edit adds one (see updateUnlessEditedSince). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'edited_at', nullable: true, type: Date })
  editedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'last_activity_at' })
  lastActivityAt: Date;
}
