import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { isPostgres, sqlBoolean, SqlParameters, sqlRows } from '../common/sql.js';
import { AuthorColumns, UsersService } from '../users/users.service.js';
import { refuseSecrets } from '../common/refuse-secrets.js';
import { AuthUser, RequestContext } from '../common/request-context.js';
import { Role } from '../common/role.js';
import { Environment } from '../config/environment.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { ForumEvents } from '../events/forum-events.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { NewPost, PostJob } from '../jobs/post-job.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { decodePositionCursor, encodePositionCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { updateUnlessEditedSince } from '../common/versioned-update.js';
import { editRateLimitKey } from './edit-rate-limit.js';
import { insertedRow, insertRow } from '../common/returning-writes.js';
import { AskQuestionInput } from './dto/ask-question.input.js';
import { EditQuestionInput } from './dto/edit-question.input.js';
import { ThreadsArgs, ThreadSort } from './dto/threads.args.js';
import { TagCount } from './models/tag-count.model.js';
import { ThreadConnection } from './models/thread-connection.model.js';
import { Thread, ThreadWithText } from './models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionEntity } from './revision.entity.js';
import { RevisionsService } from './revisions.service.js';
import { toQuestionSnapshot, toThread } from './thread.mapper.js';
import {
  answeredSql,
  ListedThreadRow,
  listedThreadSelect,
  tagsColumn,
  TagsColumn,
  tagsOf,
  threadFromListedRow,
  threadFromRow,
  ThreadRow,
  threadSelect,
} from './thread-rows.js';
import { ThreadStatus } from './thread-status.js';
import { ThreadStateService, threadUnderLock } from './thread-state.service.js';
import { ThreadTagEntity } from './thread-tag.entity.js';
import { ThreadEntity } from './thread.entity.js';
import { isVisibleTo, mayModify, refuseChangesIfHidden, refuseChangesIfLocked, visibleSql } from './visibility.js';

/** A question as the seed or a script writes it: already valid. */
export interface NewQuestion {
  title: string;
  body: string;
  tags?: string[] | null;
}

/** Questions: asking, reading, editing, accepting an answer. */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(ReplyEntity) private readonly replies: Repository<ReplyEntity>,
    @InjectRepository(ThreadTagEntity) private readonly threadTags: Repository<ThreadTagEntity>,
    private readonly rateLimiter: RateLimiterService,
    private readonly events: ForumEvents,
    private readonly environment: Environment,
    private readonly revisions: RevisionsService,
    private readonly state: ThreadStateService,
    private readonly markdown: MarkdownService,
    private readonly postJobs: PostJobs,
    private readonly users: UsersService,
  ) {}

  async ask(context: RequestContext, input: AskQuestionInput): Promise<Thread> {
    const user = context.requireUser();
    refuseSecrets({ title: input.title, body: input.body });
    await this.rateLimiter.consume(`ask:${user.id}`, 1, this.environment.RATE_LIMIT_ASK_SECONDS);
    return toThread(await this.askAsSystem(user, input));
  }

  /**
   * For the demo forum: moves a thread's history into the past, as if asked at `askedAt` with its posts (replies,
   * then edits) `spacingMinutes` apart in the order they were made, so the list reads like a forum in use.
   */
  async moveIntoPast(threadId: number, askedAt: Date, spacingMinutes: number): Promise<void> {
    const at = (step: number) => new Date(askedAt.getTime() + step * spacingMinutes * 60_000);
    const replyTimes = new Map<number, Date>();
    await this.threads.manager.transaction(async (manager) => {
      const replies = await manager.getRepository(ReplyEntity).find({ where: { threadId }, order: { id: 'ASC' } });
      for (const [index, reply] of replies.entries()) {
        replyTimes.set(reply.id, at(index + 1));
        await manager
          .getRepository(ReplyEntity)
          .update(reply.id, { createdAt: at(index + 1), editedAt: reply.editedAt ? at(index + 1.5) : null });
      }
      const thread = await manager.getRepository(ThreadEntity).findOneByOrFail({ id: threadId });
      const editedAt = thread.editedAt ? at(replies.length + 1) : null;
      await manager
        .getRepository(RevisionEntity)
        .update({ postType: PostType.THREAD, postId: threadId }, { createdAt: editedAt ?? askedAt });
      await manager.getRepository(ThreadEntity).update(threadId, { createdAt: askedAt, editedAt, lastActivityAt: at(replies.length) });
    });
    await this.events.emit('threadMovedIntoPast', { threadId, askedAt, replyTimes });
  }

  /**
   * Posts a question as `author` without rate limits (the demo seed, scripts); the input must be valid already.
   * Returns once it is stored: the bot and the notifications follow as jobs.
   */
  async askAsSystem(author: Pick<AuthUser, 'id' | 'role'>, input: NewQuestion): Promise<ThreadEntity> {
    const authorId = author.id;
    const now = new Date();
    const values: Omit<ThreadEntity, 'id'> = {
      authorId,
      title: input.title,
      body: input.body,
      ...this.markdown.cook(input.body),
      status: ThreadStatus.OPEN,
      locked: false,
      acceptedReplyId: null,
      hiddenAcceptedReplyId: null,
      acceptedById: null,
      replyCount: 0,
      hidden: false,
      editedAt: null,
      version: 1,
      createdAt: now,
      lastActivityAt: now,
    };
    const post = {
      postType: PostType.THREAD,
      authorId,
      authorRole: author.role,
      threadAuthorId: authorId,
      body: input.body,
      causedById: null,
    };
    const tags = input.tags ?? [];
    const { id, jobs } = isPostgres(this.threads.manager.connection)
      ? await this.storeInOneStatement(values, tags, post)
      : await this.threads.manager.transaction(async (manager) => {
          const id = await insertRow(manager, ThreadEntity, values);
          if (tags.length > 0) {
            const sql = new SqlParameters();
            const rows = tags.map((tag) => `(${sql.param(id)}, ${sql.param(tag)})`);
            await sqlRows(manager, `INSERT INTO thread_tags (thread_id, tag) VALUES ${rows.join(', ')}`, sql.values);
          }
          return { id, jobs: await this.postJobs.record(manager, { ...post, postId: id }) };
        });
    const thread: ThreadEntity = { ...values, id };
    await this.postJobs.queue(jobs);
    await this.events.emit('questionPosted', { threadId: thread.id, authorId, title: thread.title, tags: [...tags].sort(), at: now });
    return thread;
  }

  /**
   * On PostgreSQL, a question with its tags and pending jobs in one statement, which commits on its own: one round trip
   * to the server instead of a transaction's four or five (see RepliesService.storeInOneStatement).
   */
  private async storeInOneStatement(
    values: Omit<ThreadEntity, 'id'>,
    tags: string[],
    post: Omit<NewPost, 'postId'>,
  ): Promise<{ id: number; jobs: PostJob[] }> {
    const sql = new SqlParameters();
    const row = insertedRow(this.threads.manager, ThreadEntity, values, sql);
    const tagging = `INSERT INTO thread_tags (thread_id, tag) SELECT thread.id, tag FROM thread CROSS JOIN unnest(${sql.param(tags)}::varchar[]) AS tag`;
    const recording = this.postJobs.recordingQuery(sql, post, 'thread');
    const [stored] = await sqlRows<{ id: number }>(
      this.threads.manager,
      `WITH thread AS (INSERT INTO ${row.table} (${row.columns}) VALUES (${row.values}) RETURNING id), tags AS (${tagging})${
        recording ? `, jobs AS (${recording.query})` : ''
      } SELECT id FROM thread`,
      sql.values,
    );
    const id = Number(stored.id);
    return { id, jobs: recording?.jobsOf(id) ?? [] };
  }

  /** The thread if the viewer may see it (hidden ones only for staff and the author), else NOT_FOUND. */
  async findVisible(context: RequestContext, id: number): Promise<ThreadEntity> {
    const thread = await this.threads.findOneBy({ id });
    if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id);
    return thread;
  }

  /** The thread with its tags, in one statement, if the viewer may see it (as findVisible), else NOT_FOUND. */
  private async visibleWithTags(context: RequestContext, id: number): Promise<{ thread: ThreadWithText; tags: string[] }> {
    const [row] = await sqlRows<ThreadRow & TagsColumn>(
      this.threads.manager.connection,
      `SELECT ${threadSelect}, ${this.tagsColumn()} FROM threads t WHERE t.id = $1`,
      [id],
    );
    const thread = row && threadFromRow(row);
    if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id);
    return { thread, tags: tagsOf(row, isPostgres(this.threads.manager.connection)) };
  }

  /** The thread page's thread: one statement with its tags and author (which it hands to their loaders). */
  async byId(context: RequestContext, rawId: string): Promise<Thread> {
    const id = parseId(rawId);
    const sql = new SqlParameters();
    const jobsPending = this.postJobs.pendingCondition(sql, PostType.THREAD, 't.id');
    const [row] = await sqlRows<ThreadRow & AuthorColumns & TagsColumn & { jobs_pending: unknown }>(
      this.threads.manager.connection,
      `SELECT ${threadSelect}, ${this.tagsColumn()}, ${jobsPending} AS jobs_pending, ${this.users.authorColumns('a')}
       FROM threads t LEFT JOIN users a ON a.id = t.author_id WHERE t.id = ${sql.param(id)}`,
      sql.values,
    );
    const thread = row && { ...threadFromRow(row), jobsPending: sqlBoolean(row.jobs_pending) };
    if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id);
    this.knownTagsColumn(context, id, row);
    this.users.knownAuthor(context, row);
    return thread;
  }

  /** Batched per request; null when missing or not visible to the viewer. */
  async visibleById(context: RequestContext, id: number): Promise<Thread | null> {
    const thread = await this.byIdIncludingHidden(context, id);
    return thread && isVisibleTo(context, thread) ? thread : null;
  }

  /** Batched per request; null when missing. A hidden one too: the caller shows it only where isVisibleTo says so. */
  byIdIncludingHidden(context: RequestContext, id: number): Promise<Thread | null> {
    return this.threadLoader(context).load(id);
  }

  /**
   * Tells this context's loader a thread a read joined (a list row, without texts), so visibleById does not read it
   * again; one the request loaded already, with its texts, is kept.
   */
  knownThread(context: RequestContext, thread: Thread): void {
    this.threadLoader(context).prime(Number(thread.id), thread);
  }

  /** Threads by id with their texts; a thread primed by knownThread may come without them (`text` reads them then). */
  private threadLoader(context: RequestContext): DataLoader<number, Thread | null> {
    return context.loader(
      'threadsById',
      () =>
        new DataLoader<number, Thread | null>(async (ids) => {
          const sql = new SqlParameters();
          const rows = await sqlRows<ThreadRow>(
            this.threads.manager,
            `SELECT ${threadSelect} FROM threads t WHERE t.id IN (${sql.list(ids)})`,
            sql.values,
          );
          const byId = new Map(rows.map((row) => [Number(row.id), threadFromRow(row)]));
          return ids.map((threadId) => byId.get(threadId) ?? null);
        }),
    );
  }

  /** A thread's body and cooked HTML: from the thread when it was read with them, else one batched read per request (a list row). */
  async text(context: RequestContext, thread: Thread): Promise<{ body: string; cookedHtml: string | null }> {
    if (thread.body !== undefined && thread.cookedHtml !== undefined) return { body: thread.body, cookedHtml: thread.cookedHtml };
    const loader = context.loader(
      'threadTexts',
      () =>
        new DataLoader<number, { body: string; cookedHtml: string | null }>(async (ids) => {
          const sql = new SqlParameters();
          const rows = await sqlRows<{ id: number; body: string; body_html: string | null }>(
            this.threads.manager,
            `SELECT id, body, body_html FROM threads WHERE id IN (${sql.list(ids)})`,
            sql.values,
          );
          const byId = new Map(rows.map((row) => [Number(row.id), { body: row.body, cookedHtml: row.body_html }]));
          return ids.map((id) => byId.get(id) ?? AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id));
        }),
    );
    return loader.load(Number(thread.id));
  }

  /** A thread's tags in alphabetical order, batched per request. */
  tags(context: RequestContext, threadId: number): Promise<string[]> {
    return this.tagLoader(context).load(threadId);
  }

  /** Tells this context's loader tags it already has (a live message carried them), so `tags` does not read them again. */
  knownTags(context: RequestContext, threadId: number, tags: string[]): void {
    this.tagLoader(context).clear(threadId).prime(threadId, tags);
  }

  /** A column `tags` of a thread aliased `t` (see tagsColumn). */
  private tagsColumn(): string {
    return tagsColumn('t', isPostgres(this.threads.manager.connection));
  }

  private knownTagsColumn(context: RequestContext, threadId: number, row: TagsColumn): void {
    this.knownTags(context, threadId, tagsOf(row, isPostgres(this.threads.manager.connection)));
  }

  private tagLoader(context: RequestContext): DataLoader<number, string[]> {
    return context.loader(
      'threadTags',
      () =>
        new DataLoader<number, string[]>(async (ids) => {
          const sql = new SqlParameters();
          const rows = await sqlRows<{ thread_id: number; tag: string }>(
            this.threads.manager.connection,
            `SELECT thread_id, tag FROM thread_tags WHERE thread_id IN (${sql.list(ids)}) ORDER BY tag`,
            sql.values,
          );
          const byThread = new Map<number, string[]>(ids.map((id) => [id, []]));
          for (const row of rows) byThread.get(Number(row.thread_id))?.push(row.tag);
          return ids.map((id) => byThread.get(id) ?? []);
        }),
    );
  }

  /**
   * The `first` most used tags on threads the viewer may see (hidden ones for staff and their author), most used first,
   * ties by name; one statement. Both engines keep each tag's counts with triggers (migrations TagCounts1765090000000
   * and TagCountChanges1765100000000) rather than count every tag of every thread, which held SQLite's event loop and
   * PostgreSQL's server for every member opening the thread list.
   */
  async popularTags(context: RequestContext, first: number): Promise<TagCount[]> {
    const sql = new SqlParameters();
    const rows = await sqlRows<{ tag: string; thread_count: string | number }>(
      this.threads.manager.connection,
      isPostgres(this.threads.manager.connection) ? this.countsWithChanges(context, first, sql) : this.keptTagCounts(context, first, sql),
      sql.values,
    );
    // PostgreSQL returns SUM as a bigint string.
    return rows.map((row) => ({ tag: row.tag, threadCount: Number(row.thread_count) }));
  }

  /**
   * PostgreSQL: the kept counts plus the changes not folded into them yet (TagCountFolding), of all threads for staff;
   * for anyone else of those everyone can see, and for a member the tags of their own hidden threads added. It adds
   * up a row per tag and per recent change, in the database's process: far fewer than the tags of every thread.
   */
  private countsWithChanges(context: RequestContext, first: number, sql: SqlParameters): string {
    const [counted, changed] = context.isStaff ? ['thread_count', 'threads'] : ['visible_thread_count', 'visible_threads'];
    const own =
      context.user && !context.isStaff
        ? ` UNION ALL SELECT tt.tag, COUNT(*) FROM threads t JOIN thread_tags tt ON tt.thread_id = t.id
            WHERE t.author_id = ${sql.param(context.user.id)} AND t.hidden = ${sql.param(true)} GROUP BY tt.tag`
        : '';
    return `SELECT tag, SUM(threads) AS thread_count FROM (
        SELECT tag, ${counted} AS threads FROM tag_counts UNION ALL SELECT tag, ${changed} FROM tag_count_changes${own}
      ) counted GROUP BY tag HAVING SUM(threads) > 0 ORDER BY thread_count DESC, tag ASC LIMIT ${sql.param(first)}`;
  }

  /**
   * SQLite: the kept counts, of all threads for staff; for anyone else of those everyone can see, and for a member the
   * tags of their own hidden threads added. Only the `first` tags by visible count and the member's own can be among
   * the `first` once those are added: any other tag's count stays at most theirs.
   */
  private keptTagCounts(context: RequestContext, first: number, sql: SqlParameters): string {
    const limit = sql.param(first);
    if (context.isStaff || !context.user) {
      const counted = context.isStaff ? 'thread_count' : 'visible_thread_count';
      return `SELECT tag, ${counted} AS thread_count FROM tag_counts WHERE ${counted} > 0 ORDER BY ${counted} DESC, tag ASC LIMIT ${limit}`;
    }
    const mostVisible = `SELECT tag FROM tag_counts WHERE visible_thread_count > 0 ORDER BY visible_thread_count DESC, tag ASC LIMIT ${limit}`;
    return `WITH own AS (
        SELECT tt.tag AS tag, COUNT(*) AS threads FROM threads t JOIN thread_tags tt ON tt.thread_id = t.id
        WHERE t.author_id = ${sql.param(context.user.id)} AND t.hidden = ${sql.param(true)} GROUP BY tt.tag
      ),
      candidates AS (SELECT tag FROM (${mostVisible}) UNION SELECT tag FROM own)
      SELECT c.tag AS tag, c.visible_thread_count + COALESCE(own.threads, 0) AS thread_count
      FROM candidates JOIN tag_counts c ON c.tag = candidates.tag LEFT JOIN own ON own.tag = c.tag
      ORDER BY thread_count DESC, c.tag ASC LIMIT ${limit}`;
  }

  /**
   * One page of the threads the viewer may see, with keyset pagination on (sort value, id), both descending.
   * `unanswered: true` means no accepted answer and no staff answer that everyone can see.
   */
  async list(context: RequestContext, args: ThreadsArgs): Promise<ThreadConnection> {
    const filter = args.filter ?? {};
    const kind = args.sort === ThreadSort.NEWEST ? 'n' : 'a';
    const column = args.sort === ThreadSort.NEWEST ? 'created_at' : 'last_activity_at';
    const after = args.after != null ? decodePositionCursor(kind, args.after) : null;
    const authorId = filter.authorId ? parseId(filter.authorId, 'filter.authorId') : null;

    const sql = new SqlParameters();
    // Tagged threads are read from the tag's rows (its index), however few match: checked one by one down the list's
    // order, a tag that few or none have read every thread (30 ms at ten thousand). SQLite keeps a CROSS JOIN's order.
    const tagJoin = isPostgres(this.threads.manager.connection) ? 'JOIN' : 'CROSS JOIN';
    const threads = filter.tag ? `thread_tags tt ${tagJoin} threads t ON t.id = tt.thread_id` : 'threads t';
    const conditions = [visibleSql(context, 't', sql)];
    if (filter.tag) conditions.push(`tt.tag = ${sql.param(filter.tag)}`);
    if (filter.status) conditions.push(`t.status = ${sql.param(filter.status)}`);
    if (filter.unanswered != null) conditions.push(`${filter.unanswered ? 'NOT ' : ''}${answeredSql('t')}`);
    if (authorId !== null) conditions.push(`t.author_id = ${sql.param(authorId)}`);
    if (filter.authorUsername) {
      conditions.push(`t.author_id IN (SELECT u.id FROM users u WHERE u.username_key = ${sql.param(filter.authorUsername)})`);
    }
    const matching = conditions.join(' AND ');
    const counted = [...sql.values];

    let where = matching;
    if (after) {
      const at = sql.param(after.at);
      where += ` AND (t.${column} < ${at} OR (t.${column} = ${at} AND t.id < ${sql.param(after.id)}))`;
    }
    const rows = await sqlRows<ListedThreadRow & AuthorColumns & TagsColumn>(
      this.threads.manager.connection,
      `SELECT ${listedThreadSelect}, ${this.tagsColumn()}, ${this.users.authorColumns('a')} FROM ${threads} LEFT JOIN users a ON a.id = t.author_id WHERE ${where} ORDER BY t.${column} DESC, t.id DESC LIMIT ${sql.param(args.first + 1)}`,
      sql.values,
    );
    const page = connectionOf(rows, args.first, (row) => {
      const node = threadFromListedRow(row);
      this.knownTagsColumn(context, Number(node.id), row);
      this.users.knownAuthor(context, row);
      const at = args.sort === ThreadSort.NEWEST ? node.createdAt : node.lastActivityAt;
      return { cursor: encodePositionCursor(kind, { at, id: Number(node.id) }), node };
    });
    return {
      ...page,
      count: async () => {
        const [{ count }] = await sqlRows<{ count: number | string }>(
          this.threads.manager.connection,
          `SELECT COUNT(*) AS count FROM ${threads} WHERE ${matching}`,
          counted,
        );
        // PostgreSQL returns COUNT as a bigint string.
        return Number(count);
      },
    };
  }

  /**
   * The author edits their own question, staff any. Title or body changes keep a revision; tags are replaced. With
   * `expectedVersion`, refused (EDITED_SINCE) when another edit was saved since that version.
   */
  async edit(context: RequestContext, rawId: string, input: EditQuestionInput): Promise<Thread> {
    const user = context.requireUser();
    refuseSecrets({ title: input.title, body: input.body });
    const thread = await this.findVisible(context, parseId(rawId, 'threadId'));
    if (!mayModify(context, thread)) throw AppError.forbidden(ErrorReason.NOT_YOUR_POST, 'You can only edit your own questions');
    refuseChangesIfLocked(context, thread);
    refuseChangesIfHidden(context, thread);

    const textChanged = (input.title ?? thread.title) !== thread.title || (input.body ?? thread.body) !== thread.body;
    const currentTags = await this.threadTags.find({ where: { threadId: thread.id }, order: { tag: 'ASC' } });
    const newTags = input.tags ? [...input.tags].sort() : null;
    const tagsChanged = newTags !== null && newTags.join(',') !== currentTags.map((row) => row.tag).join(',');
    if (!textChanged && !tagsChanged) return toThread(thread);
    await this.rateLimiter.consume(editRateLimitKey(user.id), 1, this.environment.RATE_LIMIT_EDIT_SECONDS);

    const { edited, jobs } = await this.threads.manager.transaction(async (manager) => {
      // The thread as it is when this edit commits, not as read above: a moderator may have hidden it since, and
      // hiding waits for this row lock, so the live event cannot show the new text to members then. Another edit may
      // have committed since too: what this one leaves out stays as that one wrote it, and its revision is what it replaces.
      const row = await threadUnderLock(manager, thread.id, 'pessimistic_write');
      if (!row) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', thread.id);
      refuseChangesIfLocked(context, row);
      refuseChangesIfHidden(context, row);
      // Taken holding the row, so that of two edits at once the later one's revision is also the newer one.
      const now = new Date();
      const title = input.title ?? row.title;
      const body = input.body ?? row.body;
      const rowTextChanged = title !== row.title || body !== row.body;
      const cooked = body !== row.body ? this.markdown.cook(body) : {};
      const text = rowTextChanged ? { title, body, ...cooked, editedAt: now } : {};
      await updateUnlessEditedSince(manager, ThreadEntity, thread.id, input.expectedVersion, text);
      const edited = { ...row, ...text, version: row.version + 1 };
      const revisionId = rowTextChanged
        ? await this.revisions.record(manager, {
            postType: PostType.THREAD,
            postId: thread.id,
            editorId: user.id,
            previousTitle: row.title,
            previousBody: row.body,
            previousBodyHtml: row.bodyHtml,
            previousBodyHtmlVersion: row.bodyHtmlVersion,
            createdAt: now,
          })
        : null;
      if (tagsChanged && newTags) {
        await manager.getRepository(ThreadTagEntity).delete({ threadId: thread.id });
        if (newTags.length > 0) await manager.getRepository(ThreadTagEntity).insert(newTags.map((tag) => ({ threadId: thread.id, tag })));
      }
      const jobs =
        body === row.body || revisionId === null
          ? []
          : await this.postJobs.recordEdit(manager, {
              postType: PostType.THREAD,
              postId: thread.id,
              body,
              previousBody: row.body,
              editorId: user.id,
              version: edited.version,
              revisionId,
            });
      return { edited, jobs };
    });
    await this.postJobs.queue(jobs);
    await this.events.emit('postEdited', {
      threadId: thread.id,
      replyId: null,
      editorId: user.id,
      threadHidden: edited.hidden,
      reply: null,
      question: toQuestionSnapshot(edited, newTags ?? currentTags.map((row) => row.tag)),
    });
    return toThread(await this.threads.findOneByOrFail({ id: thread.id }));
  }

  /** The thread's author or staff mark a visible reply of that thread as its answer. */
  async accept(context: RequestContext, rawReplyId: string): Promise<Thread> {
    const user = context.requireUser();
    const replyId = parseId(rawReplyId, 'replyId');
    const reply = await this.replies.findOneBy({ id: replyId });
    if (!reply || !isVisibleTo(context, reply)) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', replyId);
    // A reply of a hidden thread is as unknown as a hidden reply: naming its thread would tell which one it is. The tags
    // are for the live event, which tells thread lists.
    const { thread, tags } = await this.visibleWithTags(context, reply.threadId).catch(() => {
      throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', replyId);
    });
    const threadId = Number(thread.id);
    if (!mayModify(context, thread))
      throw AppError.forbidden(ErrorReason.NOT_THE_ASKER, 'Only the person who asked, or staff, can accept an answer');
    refuseChangesIfLocked(context, thread);
    refuseChangesIfHidden(context, thread);
    // Accepting the accepted answer again (a second click, a retried request) changes nothing, so it costs nothing.
    if (thread.acceptedReplyId === replyId) return thread;
    await this.consumeAnswerChange(user.id);
    const changed = await this.state.change(threadId, async (change) => {
      refuseChangesIfLocked(context, change.thread);
      refuseChangesIfHidden(context, change.thread);
      // Read again under the thread's lock: a moderator may have hidden it since. Its author's role tells the jobs whether
      // the bot wrote it.
      const sql = new SqlParameters();
      const [current] = await sqlRows<{ author_id: number | string; hidden: unknown; author_role: Role | null }>(
        change.manager,
        `SELECT r.author_id, r.hidden, a.role AS author_role FROM replies r LEFT JOIN users a ON a.id = r.author_id
         WHERE r.id = ${sql.param(replyId)}`,
        sql.values,
      );
      if (!current || sqlBoolean(current.hidden))
        throw AppError.forbidden(ErrorReason.HIDDEN_REPLY, 'A hidden reply cannot be the accepted answer');
      const done = await change.setAcceptedReply(replyId, user.id);
      const acceptance = {
        replyId,
        replyAuthorId: Number(current.author_id),
        replyAuthorRole: current.author_role ?? Role.MEMBER,
        threadAuthorId: thread.authorId,
        acceptedById: user.id,
        restored: false,
      };
      const jobs = done ? await this.postJobs.recordAcceptance(change.manager, acceptance) : [];
      return { done, jobs, state: change.snapshot() };
    });
    if (!changed) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    if (changed.result.done) {
      const { jobs, state } = changed.result;
      await this.postJobs.queue(jobs);
      await this.events.emit('replyAccepted', {
        threadId,
        replyId,
        acceptedById: user.id,
        state,
        restored: false,
        lists: { lastActivityAt: thread.lastActivityAt, listing: { authorId: thread.authorId, tags, answered: true } },
      });
    }
    return toThread(await this.threads.findOneByOrFail({ id: threadId }));
  }

  /** Undoes acceptAnswer: the thread is OPEN again (or stays LOCKED). */
  async unaccept(context: RequestContext, rawThreadId: string): Promise<Thread> {
    const user = context.requireUser();
    // The tags are for the live event, which tells thread lists.
    const { thread, tags } = await this.visibleWithTags(context, parseId(rawThreadId, 'threadId'));
    const threadId = Number(thread.id);
    if (!mayModify(context, thread))
      throw AppError.forbidden(ErrorReason.NOT_THE_ASKER, 'Only the person who asked, or staff, can change the accepted answer');
    refuseChangesIfLocked(context, thread);
    refuseChangesIfHidden(context, thread);
    if (thread.acceptedReplyId === null) return thread;
    await this.consumeAnswerChange(user.id);
    const changed = await this.state.change(threadId, async (change) => {
      refuseChangesIfLocked(context, change.thread);
      refuseChangesIfHidden(context, change.thread);
      const done = await change.setAcceptedReply(null, null);
      // A staff answer still answers it: the Unanswered tab takes it back only without one.
      const sql = new SqlParameters();
      const [{ answered }] = await sqlRows<{ answered: unknown }>(
        change.manager,
        `SELECT ${answeredSql('t')} AS answered FROM threads t WHERE t.id = ${sql.param(threadId)}`,
        sql.values,
      );
      return { done, state: change.snapshot(), answered: sqlBoolean(answered) };
    });
    if (!changed) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    if (changed.result.done) {
      const { state, answered } = changed.result;
      const listing = { authorId: thread.authorId, tags, answered };
      await this.events.emit('answerUnaccepted', {
        threadId,
        actorId: user.id,
        state,
        lists: { lastActivityAt: thread.lastActivityAt, listing },
      });
    }
    return toThread(await this.threads.findOneByOrFail({ id: threadId }));
  }

  /** Accepting and withdrawing answers share one limit per member (each acceptance may notify people). */
  private consumeAnswerChange(userId: number): Promise<void> {
    return this.rateLimiter.consume(`answer-change:${userId}`, this.environment.RATE_LIMIT_ANSWER_CHANGES_PER_HOUR, 3600);
  }
}
