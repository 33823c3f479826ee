import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { insertedRow, insertRow } from '../common/returning-writes.js';
import { isPostgres, SqlParameters, sqlRows } from '../common/sql.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { ForumEvents, ForumEventMap } from '../events/forum-events.js';
import { Acceptance, PendingVersion, PostJob, PostJobCompletion } from '../jobs/post-job.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { PostType } from '../common/post-type.js';
import { liveChannels, LivePubSub } from '../live/live-pubsub.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { decodePositionCursor, encodePositionCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { PostsService } from '../threads/posts.service.js';
import { RevisionsService } from '../threads/revisions.service.js';
import { visiblePostSql } from '../threads/thread-queries.js';
import { Role } from '../common/role.js';
import { UsersService } from '../users/users.service.js';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args.js';
import { NotificationsArgs } from './dto/notifications.args.js';
import { NotificationAdded } from './models/notification-added.model.js';
import { NotificationConnection } from './models/notification-connection.model.js';
import { NotificationKind } from './notification-kind.js';
import { UNREAD_COUNT_LIMIT } from './unread-count-limit.js';
import {
  NotificationAddedMessage,
  notificationFromRow,
  NotificationRow,
  notificationSelect,
  NotificationSubject,
  toNotification,
} from './notification.mapper.js';
import { NotificationEntity } from './notification.entity.js';

type Draft = Pick<NotificationEntity, 'userId' | 'kind' | 'threadId' | 'replyId' | 'actorId'>;

/** Whether a reply notifies its thread's asker: nobody hears about their own doing (their own reply, or the bot's instant answer to the question they just posted). */
function tellsAsker(askerId: number, authorId: number, causedById: number | null): boolean {
  return askerId !== authorId && askerId !== causedById;
}

/** Whom a reply's acceptance as the answer concerns: its author and the asker, but not whoever accepted it (nor the bot, see onReplyAccepted). */
function concernedBy({
  replyAuthorId,
  threadAuthorId,
  acceptedById,
}: Pick<Acceptance, 'replyAuthorId' | 'threadAuthorId' | 'acceptedById'>): number[] {
  return [...new Set([threadAuthorId, replyAuthorId])].filter((userId) => userId !== acceptedById);
}

const cursorKind = 'n';

/** At most one SIGN_IN_ATTEMPT per account in this long, for any number of wrong codes. */
const signInAttemptQuietSeconds = 60 * 60;

/** The jobs that notify of a new post, and of whom an edit of it newly mentions, by the post's type. */
const jobNames = {
  [PostType.THREAD]: { posted: 'notify-question', edited: 'notify-question-edit' },
  [PostType.REPLY]: { posted: 'notify-reply', edited: 'notify-reply-edit' },
};

/**
 * At most this many people are notified by mention from one post, over its whole life (its first text and every edit),
 * so a list of names cannot be used to spam.
 */
const maxMentionsPerPost = 10;

/**
 * Notifications: made by post jobs (replies, mentions, also those an edit adds, accepted answers, the bot's answers) and
 * from forum events (sign-in attempts), read and marked read by their recipient, pushed live to them. Hidden posts notify nobody, and a
 * notification whose post is hidden later is no longer listed or counted.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  /** Unread counts being read for live subscribers, by notification id (see unreadCountAfter). */
  private readonly countsInFlight = new Map<string, Promise<number>>();
  /** Sign-in attempts being told of, off the requests that got the code wrong: shutdown waits for them. */
  private readonly signInAttemptsInFlight = new Set<Promise<void>>();

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly posts: PostsService,
    private readonly revisions: RevisionsService,
    private readonly users: UsersService,
    private readonly events: ForumEvents,
    private readonly pubSub: LivePubSub,
    private readonly postJobs: PostJobs,
    private readonly markdown: MarkdownService,
    private readonly rateLimiter: RateLimiterService,
  ) {}

  onModuleInit(): void {
    this.postJobs.register({
      job: jobNames[PostType.REPLY].posted,
      postType: PostType.REPLY,
      needs: (post) => tellsAsker(post.threadAuthorId, post.authorId, post.causedById) || this.markdown.mentions(post.body).length > 0,
      changesPublicContent: false,
      run: (job, done) => this.onReplyPosted(job, done),
    });
    this.postJobs.register({
      job: jobNames[PostType.THREAD].posted,
      postType: PostType.THREAD,
      needs: (post) => this.markdown.mentions(post.body).length > 0,
      run: (job, done) => this.onQuestionPosted(job, done),
    });
    for (const postType of [PostType.THREAD, PostType.REPLY]) {
      this.postJobs.register({
        job: jobNames[postType].edited,
        postType,
        after: 'editing',
        needs: (edit) => this.newlyMentions(edit.body, edit.previousBody).length > 0,
        ...(postType === PostType.REPLY ? { changesPublicContent: false } : {}),
        run: (job, done, pending) => this.onPostEdited(job, done, pending),
      });
    }
    this.postJobs.register({
      job: 'notify-accepted',
      postType: PostType.REPLY,
      after: 'accepting',
      needs: (acceptance) => concernedBy(acceptance).length > 0,
      changesPublicContent: false,
      run: (job, done) => this.onReplyAccepted(job, done),
    });
    // Not awaited: a wrong code is answered without waiting for its notification.
    this.events.on('signInCodeRejected', (event) => this.tellOfSignInAttempt(event));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.signInAttemptsInFlight);
  }

  async list(context: RequestContext, args: NotificationsArgs): Promise<NotificationConnection> {
    const user = context.requireUser();
    const sql = new SqlParameters();
    let clauses = this.visibleTo(user.id, sql);
    if (args.unreadOnly) clauses += ' AND n.read_at IS NULL';
    if (args.after) {
      const after = decodePositionCursor(cursorKind, args.after);
      const at = sql.param(after.at);
      clauses += ` AND (n.created_at < ${at} OR (n.created_at = ${at} AND n.id < ${sql.param(after.id)}))`;
    }
    const rows = await sqlRows<NotificationRow & { thread_title: string | null; reply_author_id: number | null }>(
      this.notifications.manager,
      `SELECT ${notificationSelect}, thread.title AS thread_title, reply.author_id AS reply_author_id FROM notifications n ${clauses}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${sql.param(args.first + 1)}`,
      sql.values,
    );
    return connectionOf(rows, args.first, (row) => {
      const entity = notificationFromRow(row);
      return {
        cursor: encodePositionCursor(cursorKind, { at: entity.createdAt, id: entity.id }),
        node: toNotification(entity, {
          threadTitle: row.thread_title,
          replyAuthorId: row.reply_author_id === null ? null : Number(row.reply_author_id),
        }),
      };
    });
  }

  unreadCount(context: RequestContext): Promise<number> {
    return this.countUnread(context.requireUser().id);
  }

  /** Marks the caller's own notifications among `ids` read (others' ids are ignored); returns the unread count. */
  async markRead(context: RequestContext, args: MarkNotificationsReadArgs): Promise<number> {
    const user = context.requireUser();
    const ids = [...new Set(args.ids.map((id) => parseId(id, 'ids')))];
    await this.notifications.update({ userId: user.id, id: In(ids), readAt: IsNull() }, { readAt: new Date() });
    return this.countUnread(user.id);
  }

  /** Marks the caller's notifications about one thread read (they opened it); returns the unread count. */
  async markThreadRead(context: RequestContext, threadIdInput: string): Promise<number> {
    const user = context.requireUser();
    const threadId = parseId(threadIdInput, 'threadId');
    await this.notifications.update({ userId: user.id, threadId, readAt: IsNull() }, { readAt: new Date() });
    return this.countUnread(user.id);
  }

  async markAllRead(context: RequestContext): Promise<number> {
    const user = context.requireUser();
    await this.notifications.update({ userId: user.id, readAt: IsNull() }, { readAt: new Date() });
    return this.countUnread(user.id);
  }

  /** The caller's new notifications as they are made, each with their unread count. */
  added(context: RequestContext): Promise<AsyncIterableIterator<NotificationAdded>> {
    const user = context.requireUser();
    return this.pubSub.subscribe<NotificationAddedMessage, NotificationAdded>(liveChannels.notifications(user.id), (message) => ({
      notification: { ...message.notification, createdAt: new Date(message.notification.createdAt) },
      unreadCount: this.unreadCountAfter(user.id, message.notification.id),
    }));
  }

  /** A new reply's notifications: its thread's asker (a reply or the bot's answer) and the people it mentions. */
  private async onReplyPosted({ postId: replyId, causedById }: PostJob, done: PostJobCompletion): Promise<void> {
    const post = await this.posts.findOne(PostType.REPLY, replyId);
    if (!post?.reply) return;
    const { thread, reply, author } = post;
    const threadId = Number(thread.id);
    const authorId = reply.authorId;
    if (thread.hidden || reply.hidden) return;
    const drafts: Draft[] = [];
    if (tellsAsker(thread.authorId, authorId, causedById)) {
      const kind = author?.role === Role.BOT ? NotificationKind.BOT_ANSWER : NotificationKind.REPLY;
      drafts.push({ userId: thread.authorId, kind, threadId, replyId, actorId: authorId });
    }
    const body = await this.postedText(PostType.REPLY, replyId, reply);
    for (const userId of await this.mentioned(this.firstMentions(body), [authorId, ...drafts.map((draft) => draft.userId)])) {
      drafts.push({ userId, kind: NotificationKind.MENTION, threadId, replyId, actorId: authorId });
    }
    await this.deliver(drafts, { threadTitle: thread.title, replyAuthorId: authorId }, done);
  }

  /** The people a new question mentions. */
  private async onQuestionPosted({ postId: threadId }: PostJob, done: PostJobCompletion): Promise<void> {
    const thread = (await this.posts.findOne(PostType.THREAD, threadId))?.thread;
    if (!thread || thread.hidden) return;
    const body = await this.postedText(PostType.THREAD, threadId, thread);
    const mentioned = await this.mentioned(this.firstMentions(body), [thread.authorId]);
    await this.deliver(
      mentioned.map((userId) => ({ userId, kind: NotificationKind.MENTION, threadId, replyId: null, actorId: thread.authorId })),
      { threadTitle: thread.title, replyAuthorId: null },
      done,
    );
  }

  /**
   * The text a post was posted with. Its job may run after an edit (the queue was busy, a retry): the edit's own job
   * tells whom the edit names, and counts those the first text named as told by this one.
   */
  private async postedText(postType: PostType, postId: number, post: { version: number; body: string }): Promise<string> {
    if (post.version === 1) return post.body;
    return (await this.revisions.firstText(postType, postId)) ?? post.body;
  }

  /**
   * The people an edit newly mentions: named in the text now and not in the text before the edits it serves, and told
   * nothing about the post yet, never its author or whoever named them, as many as
   * the post may still notify by mention. One run serves every edit made since the text `pending` was recorded after,
   * each person on behalf of the editor whose edit named them first; run again, it finds them told.
   */
  private async onPostEdited(
    { postType, postId, causedById: editorId }: PostJob,
    done: PostJobCompletion,
    pending: PendingVersion,
  ): Promise<void> {
    // The new post's notifications read its text when they run, the edited text maybe: they go first, so that this
    // job sees whom they told. Thrown, the job is tried again later.
    const posted = { job: jobNames[postType].posted, postType, postId };
    if (await this.postJobs.isJobPending(posted)) throw new Error(`waits for ${posted.job} of post ${postId}`);
    const post = await this.posts.findOne(postType, postId);
    if (!post) return;
    const { thread, reply } = post;
    if (thread.hidden || reply?.hidden) return;
    const threadId = Number(thread.id);
    const replyId = reply ? postId : null;
    const authorId = reply?.authorId ?? thread.authorId;
    const body = reply?.body ?? thread.body;
    const served = pending.servedRevisionId;
    const edits = await this.revisions.editsFrom(postType, postId, served);
    // The text before the edits this run serves: the people those edits named are new, if the text still names them.
    // Only that one: whoever an older text named and was told is in toldAbout, and the post's mentions stay capped by
    // mentionsNotified. (Lexing every earlier text at each edit took the square of a post's edits over its life.)
    const before = edits.filter((edit) => served === null || edit.revisionId <= served).at(-1)?.previousBody ?? '';
    // Those edits (by the author, by staff) with the text each made: whoever's edit named someone first named them.
    const namedBy = new Map<string, number>();
    const servedEdits = served === null ? [] : edits.filter((edit) => edit.revisionId >= served);
    servedEdits.forEach((edit, index) => {
      for (const name of this.markdown.mentions(servedEdits[index + 1]?.previousBody ?? body)) {
        if (!namedBy.has(name)) namedBy.set(name, edit.editorId);
      }
    });
    // A row from before it recorded the edits it serves names whoever recorded it.
    const recordedBy = editorId ?? authorId;
    const candidates = (await this.mentionedPeople(this.newlyMentions(body, before), [authorId]))
      .map(({ userId, name }) => ({ userId, actorId: namedBy.get(name) ?? recordedBy }))
      .filter(({ userId, actorId }) => userId !== actorId);
    const candidateIds = candidates.map(({ userId }) => userId);
    const told = new Set(await this.toldAbout(candidateIds, threadId, replyId));
    const untold = candidates.filter(({ userId }) => !told.has(userId));
    // Counted after the post's own job and every earlier run of this one committed theirs (this job waits for the former,
    // and of its runs only the one for the version its pending row waits for can complete), so nothing else adds
    // mentions of the post meanwhile.
    const left = untold.length === 0 ? 0 : maxMentionsPerPost - (await this.mentionsNotified(threadId, replyId));
    await this.deliver(
      untold
        .slice(0, Math.max(left, 0))
        .map(({ userId, actorId }) => ({ userId, kind: NotificationKind.MENTION, threadId, replyId, actorId })),
      { threadTitle: thread.title, replyAuthorId: reply ? authorId : null },
      done,
    );
  }

  /** Those among `userIds` who were notified of the post already (a reply: of it or as its asker; a question: mentioned). */
  private async toldAbout(userIds: number[], threadId: number, replyId: number | null): Promise<number[]> {
    if (userIds.length === 0) return [];
    const rows = await this.notifications.find({
      select: { userId: true },
      where: {
        userId: In(userIds),
        threadId,
        replyId: replyId ?? IsNull(),
        kind: In([NotificationKind.MENTION, NotificationKind.REPLY, NotificationKind.BOT_ANSWER]),
      },
    });
    return rows.map((row) => row.userId);
  }

  /** How many people the post notified by mention so far. */
  private async mentionsNotified(threadId: number, replyId: number | null): Promise<number> {
    const sql = new SqlParameters();
    const reply = replyId === null ? 'IS NULL' : `= ${sql.param(replyId)}`;
    // `kind` written out, not a parameter, so that SQLite uses the partial index on mentions (MentionsByPost).
    const [{ count }] = await sqlRows<{ count: number | string }>(
      this.notifications.manager,
      `SELECT COUNT(*) AS count FROM notifications WHERE kind = '${NotificationKind.MENTION}' AND thread_id = ${sql.param(threadId)} AND reply_id ${reply}`,
      sql.values,
    );
    return Number(count);
  }

  /**
   * The people a reply's acceptance as the answer concerns (concernedBy), once per reply and person, if the reply is still
   * the answer when the job runs: an acceptance withdrawn before its job ran, or followed by another reply's (which has a
   * job of its own), tells nobody. Accepting the reply again before the job ran replaces its job (see
   * PostJobs.recordAcceptance), so it is told as the newest acceptance made it, by whoever made that one. A moderator
   * restoring a hidden accepted reply gives its acceptance back with a job of its own, as its acceptor made it: whom the
   * job of the acceptance told nobody, as it ran while the reply was hidden, is told then; who was told is not told again.
   */
  private async onReplyAccepted({ postId: replyId, causedById }: PostJob, done: PostJobCompletion): Promise<void> {
    const post = await this.posts.findOne(PostType.REPLY, replyId);
    if (!post?.reply) return;
    const { thread, reply } = post;
    if (!reply.isAccepted || thread.hidden || reply.hidden) return;
    const threadId = Number(thread.id);
    const acceptedById = causedById!;
    const candidates = concernedBy({ replyAuthorId: reply.authorId, threadAuthorId: thread.authorId, acceptedById });
    if (candidates.length === 0) return;
    // The bot's account has nobody to read its notifications.
    const people = await this.users.accounts(candidates);
    const recipients = people.filter((person) => person.role !== Role.BOT).map((person) => person.id);
    await this.deliver(
      recipients.map((userId) => ({ userId, kind: NotificationKind.ACCEPTED, threadId, replyId, actorId: acceptedById })),
      { threadTitle: thread.title, replyAuthorId: reply.authorId },
      done,
    );
  }

  private tellOfSignInAttempt(event: ForumEventMap['signInCodeRejected']): void {
    const telling = this.onSignInCodeRejected(event)
      .catch((error: unknown) =>
        this.logger.error(
          `Could not tell user ${event.userId} of a sign-in attempt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      )
      .finally(() => this.signInAttemptsInFlight.delete(telling));
    this.signInAttemptsInFlight.add(telling);
  }

  /**
   * Someone entered the account's password and then a wrong code from a device it does not know: its holder is told, at
   * most once per signInAttemptQuietSeconds however many tries follow. The rate limiter's counter decides between
   * concurrent tries (shared by every instance with Redis); the stored notification keeps the hour across restarts.
   */
  private async onSignInCodeRejected({ userId }: ForumEventMap['signInCodeRejected']): Promise<void> {
    const quietSince = new Date(Date.now() - signInAttemptQuietSeconds * 1000);
    const told = () =>
      this.notifications.exists({ where: { userId, kind: NotificationKind.SIGN_IN_ATTEMPT, createdAt: MoreThan(quietSince) } });
    if (await told()) return;
    try {
      await this.rateLimiter.consume(`notify:sign-in-attempt:${userId}`, 1, signInAttemptQuietSeconds);
    } catch (error) {
      if (error instanceof AppError && error.reason === ErrorReason.RATE_LIMITED) return;
      throw error;
    }
    await this.deliver([{ userId, kind: NotificationKind.SIGN_IN_ATTEMPT, threadId: null, replyId: null, actorId: null }], {
      threadTitle: null,
      replyAuthorId: null,
    });
  }

  /** The ids of the existing people among `names`, in their order, except `excluded` (the author, those already notified) and the bot. */
  private async mentioned(names: string[], excluded: number[]): Promise<number[]> {
    return (await this.mentionedPeople(names, excluded)).map((person) => person.userId);
  }

  /** The same, each with the name that mentions them. */
  private async mentionedPeople(names: string[], excluded: number[]): Promise<{ userId: number; name: string }[]> {
    if (names.length === 0) return [];
    const byName = new Map((await this.users.accountsByUsername(names)).map((user) => [user.username.toLowerCase(), user]));
    const skip = new Set(excluded);
    const people: { userId: number; name: string }[] = [];
    for (const name of names) {
      const user = byName.get(name);
      if (!user || user.role === Role.BOT || skip.has(user.id)) continue;
      skip.add(user.id);
      people.push({ userId: user.id, name });
    }
    return people;
  }

  /** The names a new post's text mentions that it may notify: the first maxMentionsPerPost. */
  private firstMentions(body: string): string[] {
    return this.markdown.mentions(body).slice(0, maxMentionsPerPost);
  }

  /** The names an edited text mentions that the text before it did not (capped by what the post notified already). */
  private newlyMentions(body: string, earlierBody: string): string[] {
    const named = new Set(this.markdown.mentions(earlierBody));
    return this.markdown.mentions(body).filter((name) => !named.has(name));
  }

  /**
   * Stores the notifications together (with the job's completion, when a job made them, so a job run twice
   * notifies once), then pushes each to its recipient's live subscribers.
   */
  private async deliver(drafts: Draft[], subject: NotificationSubject, job?: PostJobCompletion): Promise<void> {
    if (drafts.length === 0) return;
    const saved = await this.store(drafts, job);
    for (const entity of saved) {
      const notification = toNotification(entity, subject);
      const message: NotificationAddedMessage = { notification: { ...notification, createdAt: notification.createdAt.toISOString() } };
      await this.pubSub.publish(liveChannels.notifications(entity.userId), message);
    }
  }

  /** Saves the drafts but an accepted answer someone was already told about (once per reply and person). */
  private store(drafts: Draft[], job?: PostJobCompletion): Promise<NotificationEntity[]> {
    const createdAt = new Date();
    const accepted = drafts.filter((draft) => draft.kind === NotificationKind.ACCEPTED && draft.replyId !== null);
    if (job && accepted.length === 0 && isPostgres(this.notifications.manager.connection)) {
      return this.storeInOneStatement(drafts, createdAt, job);
    }
    return this.notifications.manager.transaction(async (manager: EntityManager) => {
      const notifications = manager.getRepository(NotificationEntity);
      const told =
        accepted.length === 0
          ? []
          : await notifications.find({
              select: { userId: true, replyId: true },
              where: {
                kind: NotificationKind.ACCEPTED,
                replyId: In(accepted.map((draft) => draft.replyId)),
                userId: In(accepted.map((draft) => draft.userId)),
              },
            });
      const fresh = drafts.filter(
        (draft) =>
          draft.kind !== NotificationKind.ACCEPTED || !told.some((row) => row.userId === draft.userId && row.replyId === draft.replyId),
      );
      const saved: NotificationEntity[] = [];
      for (const draft of fresh) {
        const values = { ...draft, readAt: null, createdAt };
        saved.push({ ...values, id: await insertRow(manager, NotificationEntity, values) });
      }
      // Last, so that the pending row is held only for the commit: an acceptance replacing it (accepting the reply again)
      // would wait for this whole transaction, reads included, before it could answer.
      await job?.complete(manager);
      return saved;
    });
  }

  /**
   * On PostgreSQL, a job's notifications and its completion in one statement, which commits on its own: one round trip
   * instead of a transaction's four (see RepliesService.storeInOneStatement). Nothing is stored when another run of
   * the job finished first.
   */
  private async storeInOneStatement(drafts: Draft[], createdAt: Date, job: PostJobCompletion): Promise<NotificationEntity[]> {
    const sql = new SqlParameters();
    const withQueries = [`done AS (${job.completionQuery(sql)})`];
    const inserted = drafts.map((draft, index) => {
      const row = insertedRow(this.notifications.manager, NotificationEntity, { ...draft, readAt: null, createdAt }, sql);
      withQueries.push(`n${index} AS (INSERT INTO ${row.table} (${row.columns}) SELECT ${row.values} FROM done RETURNING id)`);
      return `SELECT ${index} AS draft, id FROM n${index}`;
    });
    const rows = await sqlRows<{ draft: number; id: number }>(
      this.notifications.manager,
      `WITH ${withQueries.join(', ')} ${inserted.join(' UNION ALL ')}`,
      sql.values,
    );
    return rows.sort((a, b) => a.draft - b.draft).map(({ draft, id }) => ({ ...drafts[draft], readAt: null, createdAt, id: Number(id) }));
  }

  /**
   * The unread count as a notification reaches this instance, read once for all of its recipient's subscriptions here
   * (a member may have hundreds open): the pub/sub hands a message to every listener in one go, so they all find this
   * read in flight. It is dropped once done, so the next notification is counted afresh.
   */
  private unreadCountAfter(userId: number, notificationId: string): Promise<number> {
    let counting = this.countsInFlight.get(notificationId);
    if (!counting) {
      counting = this.countUnread(userId).finally(() => this.countsInFlight.delete(notificationId));
      // A subscriber that leaves before its result is sent never awaits it: a failed read is not an unhandled rejection.
      counting.catch(() => undefined);
      this.countsInFlight.set(notificationId, counting);
    }
    return counting;
  }

  /** Counts up to UNREAD_COUNT_LIMIT: every new notification a reader is subscribed to is counted, and their unread pile may be huge. */
  private async countUnread(userId: number): Promise<number> {
    const sql = new SqlParameters();
    const [{ count }] = await sqlRows<{ count: number | string }>(
      this.notifications.manager,
      `SELECT COUNT(*) AS count FROM (SELECT 1 FROM notifications n ${this.visibleTo(userId, sql)} AND n.read_at IS NULL LIMIT ${UNREAD_COUNT_LIMIT}) unread`,
      sql.values,
    );
    // PostgreSQL returns COUNT as a bigint string.
    return Number(count);
  }

  /**
   * The joins and WHERE clause (`notifications` aliased `n`) of a user's notifications whose thread and reply are still
   * visible, and those about no thread (SIGN_IN_ATTEMPT).
   */
  private visibleTo(userId: number, sql: SqlParameters): string {
    const visible = visiblePostSql({ threadId: 'n.thread_id', replyId: 'n.reply_id' }, sql, { keepWithoutThread: true });
    return `${visible.joins} WHERE n.user_id = ${sql.param(userId)} AND ${visible.condition}`;
  }
}
