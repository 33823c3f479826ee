import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { EntityManager, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { isPostgres, sqlBoolean, SqlParameters, sqlRows } from '../common/sql.js';
import { refuseSecrets } from '../common/refuse-secrets.js';
import { AuthUser, publicProfileOf, RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { CookedHtml, MarkdownService } from '../markdown/markdown.service.js';
import { ForumEvents } from '../events/forum-events.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { NewPost, PostJob } from '../jobs/post-job.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { isStaffRole, Role } from '../common/role.js';
import { AuthorColumns, UsersService } from '../users/users.service.js';
import { decodePositionCursor, encodePositionCursor } from '../common/cursor.js';
import { replyCursorKind, replyPageOf, replyPageRequest } from './reply-pages.js';
import { ThreadReplyConnection } from './models/thread-reply-connection.model.js';
import { connectionOf } from '../common/paginated.js';
import { updateUnlessEditedSince } from '../common/versioned-update.js';
import { editRateLimitKey } from './edit-rate-limit.js';
import { insertedRow, insertRow } from '../common/returning-writes.js';
import { EditReplyInput } from './dto/edit-reply.input.js';
import { RepliesArgs } from './dto/replies.args.js';
import { ReplyToThreadArgs } from './dto/reply-to-thread.args.js';
import { UserRepliesArgs } from './dto/user-replies.args.js';
import { ReplyConnection } from './models/reply-connection.model.js';
import { Reply } from './models/reply.model.js';
import { Thread } from './models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionsService } from './revisions.service.js';
import { toReply, toReplySnapshot } from './thread.mapper.js';
import {
  answeredSql,
  JoinedListedThreadRow,
  joinedListedThreadSelect,
  replyFromRow,
  ReplyRow,
  replySelect,
  tagsColumn,
  TagsColumn,
  tagsOf,
  threadFromJoinedListedRow,
  visibleStaffAnswerSql,
} from './thread-rows.js';
import { rowUnderLock, threadUnderLock } from './thread-state.service.js';
import { ThreadEntity } from './thread.entity.js';
import { ThreadsService } from './threads.service.js';
import { isVisibleTo, mayModify, refuseChangesIfHidden, refuseChangesIfLocked, visibleSql } from './visibility.js';

/** A stored reply's id, its thread as it commits (see bumpThread), and its jobs to queue. */
interface StoredReply {
  id: number;
  threadHidden: boolean;
  threadTags: string[];
  /** Before this reply. */
  threadAnswered: boolean;
  jobs: PostJob[];
}

/** The row bumpThread returns. */
interface BumpedThread extends TagsColumn {
  hidden: unknown;
  answered: unknown;
}

/** What a system reply's caller writes with it, in the same commit (see RepliesService.postAsSystem). */
export interface WrittenWithReply {
  /** Writes in the reply's transaction, with its id; when it throws, the transaction rolls back. */
  inTransaction(manager: EntityManager, replyId: number): Promise<void>;
  /**
   * On PostgreSQL, the same writes as WITH queries (`name AS (...)`) of the statement that stores the reply: they read
   * its id from the WITH query named `replyQuery`, and must write nothing when it returns no row (the thread took no
   * reply). Without it the reply is stored in a transaction.
   */
  inStatement?(sql: SqlParameters, replyQuery: string): string[];
}

/** A reply's thread as it is when an edit of the reply commits. */
export type ThreadAtEdit = Pick<ThreadEntity, 'id' | 'hidden' | 'locked'>;

/** What a system edit's caller writes with it, in the same commit, seeing the thread as it is then (see storeEdit). */
export type WrittenWithEdit = (manager: EntityManager, thread: ThreadAtEdit) => Promise<void>;

/** Replies: posting (by people and by the bot), editing, paging through a thread. */
@Injectable()
export class RepliesService {
  constructor(
    @InjectRepository(ReplyEntity) private readonly replies: Repository<ReplyEntity>,
    private readonly rateLimiter: RateLimiterService,
    private readonly events: ForumEvents,
    private readonly environment: Environment,
    private readonly revisions: RevisionsService,
    private readonly threads: ThreadsService,
    private readonly markdown: MarkdownService,
    private readonly users: UsersService,
    private readonly postJobs: PostJobs,
  ) {}

  async reply(context: RequestContext, args: ReplyToThreadArgs): Promise<Reply> {
    const user = context.requireUser();
    refuseSecrets({ body: args.body });
    const thread = await this.visibleThread(context, parseId(args.threadId, 'threadId'));
    if (thread.locked) throw AppError.forbidden(ErrorReason.THREAD_LOCKED, 'thread is locked');
    await this.rateLimiter.consume(`reply:${user.id}`, 1, this.environment.RATE_LIMIT_REPLY_SECONDS);
    const reply = await this.create(user, thread, args.body, context.isStaff);
    // The author's profile came with the session, and a new reply is not the accepted answer: the answer's `author`
    // and impostor warning read nothing.
    this.users.knownViewer(context);
    return { ...toReply(reply, null), threadAuthorId: thread.authorId };
  }

  /** What a reply needs of its thread (its asker, whether it is locked), if the viewer may see it, else NOT_FOUND. */
  private async visibleThread(context: RequestContext, id: number): Promise<Pick<ThreadEntity, 'id' | 'authorId' | 'locked'>> {
    const [row] = await sqlRows<{ author_id: number; locked: unknown; hidden: unknown }>(
      this.replies.manager,
      'SELECT author_id, locked, hidden FROM threads WHERE id = $1',
      [id],
    );
    const thread = row && { id, authorId: Number(row.author_id), locked: sqlBoolean(row.locked), hidden: sqlBoolean(row.hidden) };
    if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id);
    return thread;
  }

  /**
   * Posts a reply as `author` (an existing account) without rate limits or visibility checks: for the bot (its account
   * has the BOT role) and the demo seed, which have the account and the thread at hand. `body` must be valid already.
   * Refuses locked threads (FORBIDDEN) and unknown ones (NOT_FOUND). Queues the reply's jobs like any reply's, naming
   * `causedById` when someone's own action made this reply. `alongside` writes with the reply, in the same commit (the
   * bot's decision, so that the reply and the decision commit together); when it fails, nothing is posted.
   */
  postAsSystem(
    author: Pick<AuthUser, 'id' | 'role'> & Partial<Pick<AuthUser, 'username' | 'createdAt'>>,
    thread: Pick<ThreadEntity, 'id' | 'authorId'>,
    body: string,
    causedById?: number,
    alongside?: WrittenWithReply,
  ): Promise<ReplyEntity> {
    return this.create(author, thread, body, isStaffRole(author.role), causedById, alongside, this.markdown.cookRepeated(body));
  }

  /** Stores the reply and records its jobs at once, then queues them; returns without waiting for them. */
  private async create(
    author: Pick<AuthUser, 'id' | 'role'> & Partial<Pick<AuthUser, 'username' | 'createdAt'>>,
    thread: Pick<ThreadEntity, 'id' | 'authorId'>,
    body: string,
    isStaffAnswer: boolean,
    causedById?: number,
    alongside?: WrittenWithReply,
    cooked: CookedHtml = this.markdown.cook(body),
  ): Promise<ReplyEntity> {
    const now = new Date();
    const threadId = thread.id;
    const values = {
      threadId,
      authorId: author.id,
      body,
      ...cooked,
      isStaffAnswer,
      hidden: false,
      editedAt: null,
      version: 1,
      createdAt: now,
    };
    const post = {
      postType: PostType.REPLY,
      authorId: author.id,
      authorRole: author.role,
      threadAuthorId: thread.authorId,
      body,
      causedById: causedById ?? null,
    };
    const { id, threadHidden, threadTags, threadAnswered, jobs } =
      isPostgres(this.replies.manager.connection) && (!alongside || alongside.inStatement)
        ? await this.storeInOneStatement(values, post, alongside?.inStatement)
        : await this.storeInTransaction(values, post, alongside?.inTransaction);
    const reply: ReplyEntity = Object.assign(new ReplyEntity(), values, { id });
    await this.postJobs.queue(jobs);
    await this.events.emit('replyPosted', {
      threadId,
      replyId: reply.id,
      authorId: author.id,
      byBot: author.role === Role.BOT,
      threadHidden,
      at: now,
      reply: toReplySnapshot(reply, thread, null, publicProfileOf(author)),
      listing: { authorId: thread.authorId, tags: threadTags, answered: threadAnswered || isStaffAnswer },
    });
    return reply;
  }

  /**
   * The bump of the thread a reply goes to: one more reply, its last activity now, unless it is locked (then it returns
   * no row). It returns what the reply's live event tells, as the thread is when the reply commits: whether it is
   * hidden, its tags, and whether it is answered (not counting this reply).
   */
  private bumpThread(values: Omit<ReplyEntity, 'id'>, sql: SqlParameters): string {
    const tags = tagsColumn('threads', isPostgres(this.replies.manager.connection));
    return `UPDATE threads SET reply_count = reply_count + 1, last_activity_at = ${sql.param(values.createdAt)}
      WHERE id = ${sql.param(values.threadId)} AND locked = ${sql.param(false)}
      RETURNING hidden, ${tags}, ${answeredSql('threads')} AS answered`;
  }

  /** What a stored reply tells of its thread, from the bump's row. */
  private bumped(row: BumpedThread): Pick<StoredReply, 'threadHidden' | 'threadTags' | 'threadAnswered'> {
    return {
      threadHidden: sqlBoolean(row.hidden),
      threadTags: tagsOf(row, isPostgres(this.replies.manager.connection)),
      threadAnswered: sqlBoolean(row.answered),
    };
  }

  /**
   * One transaction: it checks the lock, bumps the thread and answers whether it is hidden as this reply commits (the
   * bump holds the row, so a concurrent lock cannot slip in between and a moderator hiding it waits for us), then
   * stores the reply, what `alongside` writes and the reply's pending jobs.
   */
  private async storeInTransaction(
    values: Omit<ReplyEntity, 'id'>,
    post: Omit<NewPost, 'postId'>,
    alongside?: WrittenWithReply['inTransaction'],
  ): Promise<StoredReply> {
    return this.replies.manager.transaction(async (manager) => {
      const sql = new SqlParameters();
      const [bumped] = await sqlRows<BumpedThread>(manager, this.bumpThread(values, sql), sql.values);
      if (!bumped) await this.refuseReply(manager, values.threadId);
      const id = await insertRow(manager, ReplyEntity, values);
      await alongside?.(manager, id);
      return { id, ...this.bumped(bumped), jobs: await this.postJobs.record(manager, { ...post, postId: id }) };
    });
  }

  /**
   * On PostgreSQL, the same writes as storeInTransaction as one statement, which commits on its own: one round trip to
   * the server instead of five (a reply's round trips, each a system call and a wake-up of both processes, were a third
   * of its CPU), with what `alongside` writes. SQLite runs in this process, where a transaction's statements cost
   * microseconds.
   */
  private async storeInOneStatement(
    values: Omit<ReplyEntity, 'id'>,
    post: Omit<NewPost, 'postId'>,
    alongside?: WrittenWithReply['inStatement'],
  ): Promise<StoredReply> {
    const sql = new SqlParameters();
    const row = insertedRow(this.replies.manager, ReplyEntity, values, sql);
    const bump = this.bumpThread(values, sql);
    const insert = `INSERT INTO ${row.table} (${row.columns}) SELECT ${row.values} FROM bumped RETURNING id`;
    const recording = this.postJobs.recordingQuery(sql, post, 'reply');
    const withQueries = [`bumped AS (${bump})`, `reply AS (${insert})`, ...(recording ? [`jobs AS (${recording.query})`] : [])];
    const [stored] = await sqlRows<{ id: number } & BumpedThread>(
      this.replies.manager,
      `WITH ${[...withQueries, ...(alongside?.(sql, 'reply') ?? [])].join(', ')}
       SELECT reply.id, bumped.hidden, bumped.tags, bumped.answered FROM reply, bumped`,
      sql.values,
    );
    if (!stored) await this.refuseReply(this.replies.manager, values.threadId);
    const id = Number(stored.id);
    return { id, ...this.bumped(stored), jobs: recording?.jobsOf(id) ?? [] };
  }

  /** Why a thread took no reply: NOT_FOUND when it is gone, else FORBIDDEN (it is locked). */
  private async refuseReply(manager: EntityManager, threadId: number): Promise<never> {
    if (!(await manager.existsBy(ThreadEntity, { id: threadId })))
      throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    throw AppError.forbidden(ErrorReason.THREAD_LOCKED, 'thread is locked');
  }

  /**
   * The author edits their own reply, staff any; the previous text is kept as a revision. With `expectedVersion`,
   * refused (EDITED_SINCE) when another edit was saved since that version.
   */
  async edit(context: RequestContext, rawReplyId: string, input: EditReplyInput): Promise<Reply> {
    const user = context.requireUser();
    refuseSecrets({ body: input.body });
    const replyId = parseId(rawReplyId, 'replyId');
    const reply = await this.replies.findOneBy({ id: replyId });
    if (!reply || !isVisibleTo(context, reply)) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', replyId);
    const thread = await this.threads.findVisible(context, reply.threadId).catch(() => {
      throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', replyId);
    });
    if (!mayModify(context, reply)) throw AppError.forbidden(ErrorReason.NOT_YOUR_POST, 'You can only edit your own replies');
    refuseChangesIfLocked(context, thread);
    refuseChangesIfHidden(context, reply);
    if (input.body === reply.body) return toReply(reply, thread.acceptedReplyId, thread.locked);
    await this.rateLimiter.consume(editRateLimitKey(user.id), 1, this.environment.RATE_LIMIT_EDIT_SECONDS);
    return this.storeEdit(
      reply,
      input.body,
      user.id,
      async (manager, current) => {
        refuseChangesIfLocked(context, current);
        // Hiding a reply holds its thread's row, which this edit holds now: the reply's hidden state cannot change meanwhile.
        refuseChangesIfHidden(context, await manager.findOneByOrFail(ReplyEntity, { id: replyId }));
      },
      input.expectedVersion,
    );
  }

  /**
   * Edits a reply as `editor` without rate limits, visibility or lock checks: for the bot, which rewrites its own reply
   * when the asker picks a case or staff correct it (staff may do that in a locked thread). `body` must be valid already.
   * `alongside` writes in the edit's transaction, before it, holding the thread's row; when it throws, nothing is edited.
   */
  async editAsSystem(editor: Pick<AuthUser, 'id'>, replyId: number, body: string, alongside?: WrittenWithEdit): Promise<void> {
    const reply = await this.replies.findOneBy({ id: replyId });
    if (!reply) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', replyId);
    await this.storeEdit(reply, body, editor.id, alongside);
  }

  /**
   * Stores the new text with a revision of the text it replaces, and tells the thread's viewers. `alongside` sees the
   * thread as it is when the edit commits (a moderator may have locked it since the caller looked), and may refuse the
   * edit by throwing. Unchanged text is not stored again. With `expectedVersion`, refused (EDITED_SINCE) when another
   * edit was saved since that version.
   */
  private async storeEdit(
    reply: ReplyEntity,
    body: string,
    editorId: number,
    alongside?: WrittenWithEdit,
    expectedVersion?: number | null,
  ): Promise<Reply> {
    const cooked = this.markdown.cook(body);
    const {
      reply: stored,
      edited,
      current,
      jobs,
    } = await this.replies.manager.transaction(async (manager) => {
      // The thread as it is when this edit commits, not as read above: a moderator may have hidden or locked it since,
      // and hiding waits for this row lock, so the live event cannot show the new text to members then.
      const current = await threadUnderLock(manager, reply.threadId, 'pessimistic_read', {
        id: true,
        authorId: true,
        hidden: true,
        locked: true,
        acceptedReplyId: true,
      });
      if (!current) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', reply.id);
      await alongside?.(manager, current);
      // Held until the commit, so that of two edits at once the later one's revision keeps the earlier one's text.
      const row = await rowUnderLock(manager, ReplyEntity, reply.id, 'pessimistic_write');
      if (!row) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', reply.id);
      if (row.body === body) return { reply: row, edited: false, current, jobs: [] };
      // Taken holding the row, so that of two edits at once the later one's revision is also the newer one.
      const now = new Date();
      await updateUnlessEditedSince(manager, ReplyEntity, reply.id, expectedVersion, { body, ...cooked, editedAt: now });
      const revisionId = await this.revisions.record(manager, {
        postType: PostType.REPLY,
        postId: reply.id,
        editorId,
        previousTitle: null,
        previousBody: row.body,
        previousBodyHtml: row.bodyHtml,
        previousBodyHtmlVersion: row.bodyHtmlVersion,
        createdAt: now,
      });
      const jobs = await this.postJobs.recordEdit(manager, {
        postType: PostType.REPLY,
        postId: reply.id,
        body,
        previousBody: row.body,
        editorId,
        version: row.version + 1,
        revisionId,
      });
      return { reply: { ...row, body, ...cooked, editedAt: now, version: row.version + 1 }, edited: true, current, jobs };
    });
    await this.postJobs.queue(jobs);
    if (edited) {
      await this.events.emit('postEdited', {
        threadId: reply.threadId,
        replyId: reply.id,
        editorId,
        threadHidden: current.hidden,
        reply: toReplySnapshot(stored, current, current.acceptedReplyId),
        question: null,
      });
    }
    return toReply(stored, current.acceptedReplyId, current.locked);
  }

  /**
   * One page of a thread's replies the viewer may see, oldest first: one statement. Its one-row `edge` tells what lies on
   * the side the page was not read toward, so that both ends of the page are exact: read after or before a cursor,
   * whether the viewer sees a reply at or before (after) the cursor, now (the cursor's reply may have been hidden since,
   * or others posted); read `around` a reply, how many replies come before that reply's page, counted along the
   * thread's (thread_id, created_at, id) index (none when the viewer sees no such reply in this thread: then the first
   * page, as if it were not there). The page joins the edge, so an empty page still answers it.
   */
  async page(context: RequestContext, thread: Thread, args: RepliesArgs): Promise<ThreadReplyConnection> {
    const request = replyPageRequest(args);
    const sql = new SqlParameters();
    const threadId = sql.param(Number(thread.id));
    let where = `r.thread_id = ${threadId} AND ${visibleSql(context, 'r', sql)}`;
    // `before` reads backwards, newest first, to stop at the cursor's page.
    const direction = request.from === 'before' ? ' DESC' : '';
    let edge = 'SELECT 0 AS page_start, FALSE AS behind';
    if (request.from === 'after' || request.from === 'before') {
      const at = sql.param(request.position.at);
      const id = sql.param(request.position.id);
      const back = request.from === 'after';
      // A row value: both engines seek the index to the cursor.
      where += ` AND (r.created_at, r.id) ${back ? '>' : '<'} (${at}, ${id})`;
      edge = `SELECT 0 AS page_start, EXISTS (
        SELECT 1 FROM replies other WHERE other.thread_id = ${threadId}
          AND (other.created_at, other.id) ${back ? '<=' : '>='} (${at}, ${id}) AND ${visibleSql(context, 'other', sql)}) AS behind`;
    } else if (request.from === 'around') {
      const size = sql.param(args.first);
      edge = `SELECT COUNT(earlier.id) / ${size} * ${size} AS page_start, FALSE AS behind FROM replies target
        JOIN replies earlier ON earlier.thread_id = target.thread_id
          AND (earlier.created_at, earlier.id) < (target.created_at, target.id) AND ${visibleSql(context, 'earlier', sql)}
        WHERE target.id = ${sql.param(request.replyId)} AND target.thread_id = ${threadId} AND ${visibleSql(context, 'target', sql)}`;
    }
    const rows = await sqlRows<(ReplyRow & AuthorColumns) & { page_start: number | string; behind: unknown }>(
      this.replies.manager.connection,
      `WITH edge AS (${edge})
       SELECT page.*, edge.page_start, edge.behind FROM edge LEFT JOIN (
         SELECT ${replySelect}, ${this.users.authorColumns('a')} FROM replies r LEFT JOIN users a ON a.id = r.author_id
         WHERE ${where} ORDER BY r.created_at${direction}, r.id${direction}
         LIMIT ${sql.param(args.first + 1)} OFFSET (SELECT page_start FROM edge)
       ) page ON TRUE ORDER BY page.created_at${direction}, page.id${direction}`,
      sql.values,
    );
    // PostgreSQL returns COUNT as a bigint string; an empty page is the edge alone.
    const pageStart = Number(rows[0]?.page_start ?? 0);
    const behind = request.from === 'around' ? pageStart > 0 : Boolean(rows[0]?.behind);
    const replies = rows.filter((row) => row.id !== null);
    return replyPageOf(replies, args.first, request, behind, (row) => {
      const node = replyFromRow(row, thread);
      this.users.knownAuthor(context, row);
      return { cursor: encodePositionCursor(replyCursorKind, { at: node.createdAt, id: Number(node.id) }), node };
    });
  }

  /**
   * One page of a user's replies, newest first: those the viewer would see in their threads (visibleSql of the reply
   * and of its thread, as a thread page applies them), with each reply's thread, which it hands to the thread loader,
   * and the author: one statement, and one more on an empty page to tell NOT_FOUND (USER_NOT_FOUND) for an unknown user.
   */
  async byAuthor(context: RequestContext, args: UserRepliesArgs): Promise<ReplyConnection> {
    const authorId = parseId(args.userId, 'userId');
    const after = args.after != null ? decodePositionCursor('ur', args.after) : null;
    const sql = new SqlParameters();
    let where = `r.author_id = ${sql.param(authorId)} AND ${visibleSql(context, 'r', sql)} AND ${visibleSql(context, 't', sql)}`;
    if (after) {
      const at = sql.param(after.at);
      // A row value, not the OR the other lists write: both engines then seek the index to the cursor (an index
      // condition), where the OR is a filter over every newer reply of the author, later pages costing more.
      where += ` AND (r.created_at, r.id) < (${at}, ${sql.param(after.id)})`;
    }
    const rows = await sqlRows<ReplyRow & JoinedListedThreadRow & AuthorColumns>(
      this.replies.manager.connection,
      `SELECT ${replySelect}, ${joinedListedThreadSelect}, ${this.users.authorColumns('a')}
       FROM replies r JOIN threads t ON t.id = r.thread_id LEFT JOIN users a ON a.id = r.author_id
       WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT ${sql.param(args.first + 1)}`,
      sql.values,
    );
    if (rows.length === 0 && !(await this.users.byId(context, authorId)))
      throw AppError.notFound(ErrorReason.USER_NOT_FOUND, 'User', authorId);
    return connectionOf(rows, args.first, (row) => {
      const thread = threadFromJoinedListedRow(row);
      this.threads.knownThread(context, thread);
      this.users.knownAuthor(context, row);
      const node = replyFromRow(row, thread);
      return { cursor: encodePositionCursor('ur', { at: node.createdAt, id: Number(node.id) }), node };
    });
  }

  /** The thread's accepted reply if the viewer may see it; batched per request. */
  async accepted(context: RequestContext, thread: Thread): Promise<Reply | null> {
    if (thread.acceptedReplyId === null) return null;
    const row = await context
      .loader(
        'repliesById',
        () =>
          new DataLoader<number, ReplyRow | null>(async (ids) => {
            const sql = new SqlParameters();
            const rows = await sqlRows<ReplyRow>(
              this.replies.manager,
              `SELECT ${replySelect} FROM replies r WHERE r.id IN (${sql.list(ids)})`,
              sql.values,
            );
            const byId = new Map(rows.map((row) => [Number(row.id), row]));
            return ids.map((id) => byId.get(id) ?? null);
          }),
      )
      .load(thread.acceptedReplyId);
    if (!row) return null;
    const reply = replyFromRow(row, thread);
    return isVisibleTo(context, reply) ? reply : null;
  }

  /**
   * How many of the thread's hidden replies the viewer sees (staff: all of them, a member: their own), which replyCount
   * leaves out; batched per request. `hidden = TRUE` is a literal so that SQLite reads the partial index of hidden
   * replies (migration 1764910000000), not every reply of the thread.
   */
  hiddenReplyCount(context: RequestContext, threadId: number): Promise<number> {
    if (!context.user) return Promise.resolve(0);
    return context
      .loader(
        'hiddenReplyCounts',
        () =>
          new DataLoader<number, number>(async (ids) => {
            const sql = new SqlParameters();
            const rows = await sqlRows<{ thread_id: number; count: number | string }>(
              this.replies.manager,
              `SELECT r.thread_id, COUNT(*) AS count FROM replies r
               WHERE r.thread_id IN (${sql.list(ids)}) AND r.hidden = TRUE AND ${visibleSql(context, 'r', sql)}
               GROUP BY r.thread_id`,
              sql.values,
            );
            // PostgreSQL returns COUNT as a bigint string.
            const counts = new Map(rows.map((row) => [Number(row.thread_id), Number(row.count)]));
            return ids.map((id) => counts.get(id) ?? 0);
          }),
      )
      .load(threadId);
  }

  /** Whether a staff answer that everyone can see is among the thread's replies; batched per request. */
  staffReplied(context: RequestContext, threadId: number): Promise<boolean> {
    return context
      .loader(
        'threadsWithStaffReply',
        () =>
          new DataLoader<number, boolean>(async (ids) => {
            const sql = new SqlParameters();
            const rows = await sqlRows<{ thread_id: number }>(
              this.replies.manager,
              `SELECT DISTINCT thread_id FROM replies
               WHERE thread_id IN (${sql.list(ids)}) AND ${visibleStaffAnswerSql('replies')}`,
              sql.values,
            );
            const answered = new Set(rows.map((row) => Number(row.thread_id)));
            return ids.map((id) => answered.has(id));
          }),
      )
      .load(threadId);
  }
}
