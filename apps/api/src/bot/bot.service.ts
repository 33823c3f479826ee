import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { type MatchResult } from '#matcher';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { insertedRow, insertRow } from '../common/returning-writes.js';
import { isPostgres, sqlBoolean, SqlParameters, sqlRows } from '../common/sql.js';
import { KnowledgeBaseChanges } from '../canonical-answers/knowledge-base-changes.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { Role } from '../common/role.js';
import { Environment } from '../config/environment.js';
import { ForumEventMap, ForumEvents } from '../events/forum-events.js';
import { PostJob, PostJobCompletion } from '../jobs/post-job.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { ThreadsService } from '../threads/threads.service.js';
import { Authored, isVisibleTo, refuseChangesIfLocked } from '../threads/visibility.js';
import { BotAnswerVoteEntity } from './bot-answer-vote.entity.js';
import { BotAuthor } from './bot-author.service.js';
import { botOutcome, type BotOutcome } from './bot-decision.js';
import { BotEventEntity } from './bot-event.entity.js';
import { BotEventType } from './bot-event-type.js';
import { botEventsQuery, recordBotEvents } from './bot-events.js';
import { BotFeedback, BotSuggestionStatus } from './bot-suggestion-status.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';
import {
  botSuggestionColumns,
  botSuggestionFromRow,
  parseClarification,
  toBotSuggestion,
  type BotSuggestionRow,
} from './bot-suggestion.mapper.js';
import { botAnswerReply } from './bot-text.js';
import { MatcherService } from './matcher.service.js';
import { BotSuggestion } from './models/bot-suggestion.model.js';

/** Statuses in which the bot's public reply carries a canonical answer the asker can judge. */
const answeredStatuses = [
  BotSuggestionStatus.ANSWERED,
  BotSuggestionStatus.UNHELPFUL,
  BotSuggestionStatus.CONFIRMED_BY_ASKER,
  BotSuggestionStatus.CONFIRMED_BY_STAFF,
  BotSuggestionStatus.CORRECTED,
];

/**
 * What the asker's acceptance of the bot's answer confirms when its job runs: the bot's own answer, however the asker
 * judged it before. A staff decision stands, whether it came while the job waited or before the acceptance (the job
 * cannot tell which, and staff's word is the stronger); the asker's "this solved it" on it is recorded by markHelpful.
 */
const confirmedByAcceptance = [BotSuggestionStatus.ANSWERED, BotSuggestionStatus.UNHELPFUL];

/** A thread's bot suggestion, with the author and hidden flag of its public reply (null before it replied). */
interface SuggestionWithReply {
  suggestion: BotSuggestionEntity;
  reply: Authored | null;
}

/**
 * Whether the viewer may see, and so act on, a bot suggestion: staff always; anyone else once the bot replied
 * publicly, and only while they may see that reply (a moderator may hide it, as any reply).
 */
function isSuggestionVisibleTo(context: RequestContext, { reply }: SuggestionWithReply): boolean {
  return context.isStaff || (reply !== null && isVisibleTo(context, reply));
}

/**
 * The FAQ bot in the forum: reads every new question, answers publicly when sure, asks a clarifying
 * question when two answers fit, queues the rest for staff, and takes the asker's feedback.
 */
@Injectable()
export class BotService implements OnModuleInit {
  private readonly logger = new Logger('FaqBot');

  constructor(
    @InjectRepository(BotSuggestionEntity) private readonly suggestions: Repository<BotSuggestionEntity>,
    private readonly environment: Environment,
    private readonly events: ForumEvents,
    private readonly changes: KnowledgeBaseChanges,
    private readonly matcher: MatcherService,
    private readonly answers: CanonicalAnswersService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly author: BotAuthor,
    private readonly postJobs: PostJobs,
  ) {}

  onModuleInit(): void {
    // Urgent: the asker waits for the bot's reply on the page.
    this.postJobs.register({
      job: 'bot-decision',
      postType: PostType.THREAD,
      urgent: true,
      run: (job, done) => this.onQuestionPosted(job.postId, done),
    });
    this.postJobs.register({
      job: 'bot-asker-confirmation',
      postType: PostType.REPLY,
      after: 'accepting',
      // Only the asker's own choice of the bot's answer confirms it; a restored acceptance is nobody's choice now.
      needs: (acceptance) =>
        !acceptance.restored && acceptance.replyAuthorRole === Role.BOT && acceptance.acceptedById === acceptance.threadAuthorId,
      // The confirmation shows under the bot's reply.
      changesPublicContent: 'thread',
      run: (job, done) => this.onAskerAccepted(job, done),
    });
    this.events.on('replyAccepted', (event) => this.changes.publish({ topic: 'thread', threadId: event.threadId }));
    this.events.on('answerUnaccepted', (event) => this.changes.publish({ topic: 'thread', threadId: event.threadId }));
    this.events.on('threadMovedIntoPast', (event) => this.moveIntoPast(event));
    this.events.on('postEdited', (event) =>
      event.replyId === null ? this.changes.publish({ topic: 'thread', threadId: event.threadId }) : undefined,
    );
    this.events.on('postHidden', (event) =>
      event.replyId === null ? this.changes.publish({ topic: 'thread', threadId: event.threadId }) : undefined,
    );
  }

  /**
   * A thread dated in the past (the demo forum): the bot's suggestion, its events and votes move with it, to when
   * the bot replied (or, without a reply, when the question was asked), so statistics count them on that day.
   */
  private async moveIntoPast({ threadId, askedAt, replyTimes }: ForumEventMap['threadMovedIntoPast']): Promise<void> {
    await this.suggestions.manager.transaction(async (manager) => {
      const suggestion = await manager.getRepository(BotSuggestionEntity).findOneBy({ threadId });
      const at = (suggestion?.replyId != null ? replyTimes.get(suggestion.replyId) : undefined) ?? askedAt;
      if (suggestion) {
        await manager
          .getRepository(BotSuggestionEntity)
          .update(suggestion.id, { createdAt: at, decidedAt: suggestion.decidedAt === null ? null : at });
        await manager.getRepository(BotAnswerVoteEntity).update({ suggestionId: suggestion.id }, { createdAt: at });
      }
      await manager.getRepository(BotEventEntity).update({ threadId }, { createdAt: at });
    });
  }

  /**
   * A job for each new question: runs the matcher, acts on its confidence (see the BOT_*_THRESHOLD settings), then
   * indexes the question among the similar threads. Run twice (a retry, the sweep), it decides once and replies once.
   */
  async onQuestionPosted(threadId: number, job?: PostJobCompletion): Promise<void> {
    try {
      await this.decideOnQuestion(threadId, job);
    } finally {
      // After the decision: the asker waits for the reply, not for the index.
      await this.events.emit('staffQueueChanged', { area: 'botQueues', threadId });
      await this.changes.publish({ topic: 'thread', threadId });
    }
  }

  private async decideOnQuestion(threadId: number, job?: PostJobCompletion): Promise<void> {
    const [question, bot] = await Promise.all([this.questionToDecide(threadId), this.author.bot()]);
    if (!question || question.hidden || question.authorId === bot.id || question.decided) return;

    const result = this.matcher.match({ title: question.title, body: question.body });
    const decision = this.decide(result);
    // The decision commits with the bot's reply (in its transaction) or, without one, on its own: never one alone.
    let decisionFailed = false;
    const record = (manager: EntityManager, replyId: number | null) =>
      this.recordDecision(manager, threadId, result, decision, replyId, job).catch((error: unknown) => {
        decisionFailed = true;
        throw error;
      });
    const postgres = isPostgres(this.suggestions.manager.connection);
    try {
      if (decision.reply !== null) {
        try {
          // The asker is looking at the page as the answer appears: no notification for their own post.
          await this.author.post({ id: threadId, authorId: question.authorId }, decision.reply, question.authorId, {
            inTransaction: record,
            inStatement:
              job && postgres ? (sql, reply) => this.decisionWithReplyQueries(sql, threadId, result, decision, job, reply) : undefined,
          });
          return;
        } catch (error) {
          // The decision is what failed (decided meanwhile): the reply was not posted either.
          if (decisionFailed || isUniqueViolation(error)) throw error;
          // A thread locked in the meantime: staff can still decide.
          this.logger.warn(`could not reply to thread ${threadId}: ${error instanceof Error ? error.message : String(error)}`);
          decision.status = BotSuggestionStatus.PENDING_REVIEW;
          decision.events = [BotEventType.ReviewQueued];
        }
      }
      if (job && postgres) await this.recordDecisionInOneStatement(threadId, result, decision, job);
      else await this.suggestions.manager.transaction((manager) => record(manager, null));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Decided meanwhile, by staff or by this job run twice: the rollback left the job pending, and it is done.
      await job?.complete(this.suggestions.manager);
    }
  }

  /** Stores the bot's decision on a question and its events, and marks the job done, in the caller's transaction. */
  private async recordDecision(
    manager: EntityManager,
    threadId: number,
    result: MatchResult,
    decision: BotOutcome,
    replyId: number | null,
    job?: PostJobCompletion,
  ): Promise<void> {
    await job?.complete(manager);
    // Nothing read back after the insert (Repository.insert reads the defaults again on SQLite).
    await insertRow(manager, BotSuggestionEntity, suggestionValues(threadId, result, decision, replyId));
    await recordBotEvents(manager, [BotEventType.QuestionPosted, ...decision.events], {
      answerId: decision.answer?.id ?? null,
      threadId,
    });
  }

  /**
   * On PostgreSQL, a decision without a reply, its events and the job's completion in one statement, which commits on
   * its own: one round trip instead of a transaction's five (see RepliesService.storeInOneStatement). Nothing is
   * stored when another run of the job finished first.
   */
  private async recordDecisionInOneStatement(
    threadId: number,
    result: MatchResult,
    decision: BotOutcome,
    job: PostJobCompletion,
  ): Promise<void> {
    const sql = new SqlParameters();
    const done = job.completionQuery(sql);
    const suggestion = insertedRow(this.suggestions.manager, BotSuggestionEntity, suggestionValues(threadId, result, decision, null), sql);
    const events = botEventsQuery(
      sql,
      [BotEventType.QuestionPosted, ...decision.events],
      { answerId: decision.answer?.id ?? null, threadId },
      'done',
    );
    await sqlRows(
      this.suggestions.manager,
      `WITH done AS (${done}),
        suggestion AS (INSERT INTO ${suggestion.table} (${suggestion.columns}) SELECT ${suggestion.values} FROM done RETURNING id),
        events AS (${events})
      SELECT id FROM suggestion`,
      sql.values,
    );
  }

  /**
   * On PostgreSQL, the WITH queries that store the decision with the bot's reply, in the statement that stores the
   * reply (see RepliesService.postAsSystem): the suggestion naming the reply, its events, and the job's completion, all
   * only once the WITH query `reply` returned the reply. A question decided meanwhile (by staff, or by another run of
   * this job) has its suggestion already: the insert violates its uniqueness and the whole statement, reply included,
   * rolls back.
   */
  private decisionWithReplyQueries(
    sql: SqlParameters,
    threadId: number,
    result: MatchResult,
    decision: BotOutcome,
    job: PostJobCompletion,
    reply: string,
  ): string[] {
    const done = job.completionQuery(sql, `EXISTS (SELECT 1 FROM ${reply})`);
    // Its reply_id column comes from `reply` (an undefined value is left out).
    const values = { ...suggestionValues(threadId, result, decision, null), replyId: undefined };
    const suggestion = insertedRow(this.suggestions.manager, BotSuggestionEntity, values, sql);
    const events = botEventsQuery(
      sql,
      [BotEventType.QuestionPosted, ...decision.events],
      { answerId: decision.answer?.id ?? null, threadId },
      'suggestion',
    );
    return [
      `done AS (${done})`,
      `suggestion AS (INSERT INTO ${suggestion.table} (${suggestion.columns}, reply_id) SELECT ${suggestion.values}, ${reply}.id FROM ${reply} RETURNING id)`,
      `events AS (${events})`,
    ];
  }

  private decide(result: MatchResult): BotOutcome {
    const thresholds = {
      answer: this.environment.BOT_ANSWER_THRESHOLD,
      review: this.environment.BOT_REVIEW_THRESHOLD,
      clarify: this.environment.BOT_CLARIFY_THRESHOLD,
    };
    return botOutcome(result, thresholds, (slug) => this.matcher.answer(slug));
  }

  /** The bot suggestion of a thread the viewer can see, if they may see it (isSuggestionVisibleTo). Batched. */
  async forThread(context: RequestContext, threadId: number): Promise<BotSuggestion | null> {
    const found = await this.withReply(context, threadId);
    return found && isSuggestionVisibleTo(context, found) ? toBotSuggestion(found.suggestion) : null;
  }

  /** The thread's bot suggestion while its public reply is there for the asker to act on: posted and not hidden. Batched. */
  async withVisibleReply(context: RequestContext, threadId: number): Promise<BotSuggestion | null> {
    const found = await this.withReply(context, threadId);
    return found?.reply && !found.reply.hidden && isSuggestionVisibleTo(context, found) ? toBotSuggestion(found.suggestion) : null;
  }

  private withReply(context: RequestContext, threadId: number): Promise<SuggestionWithReply | null> {
    return context
      .loader(
        'botSuggestionsByThread',
        () =>
          new DataLoader<number, SuggestionWithReply | null>(async (ids) => {
            const byThread = await this.suggestionsWithReply(ids);
            return ids.map((id) => byThread.get(id) ?? null);
          }),
      )
      .load(threadId);
  }

  /** The threads' bot suggestions, each with its reply's author and hidden flag: one statement. */
  private async suggestionsWithReply(threadIds: readonly number[]): Promise<Map<number, SuggestionWithReply>> {
    const sql = new SqlParameters();
    const rows = await sqlRows<BotSuggestionRow & { reply_author_id: number | null; reply_hidden: unknown }>(
      this.suggestions.manager,
      `SELECT ${botSuggestionColumns}, r.author_id AS reply_author_id, r.hidden AS reply_hidden
       FROM bot_suggestions s LEFT JOIN replies r ON r.id = s.reply_id WHERE s.thread_id IN (${sql.list(threadIds)})`,
      sql.values,
    );
    return new Map(
      rows.map((row) => [
        Number(row.thread_id),
        {
          suggestion: botSuggestionFromRow(row),
          reply: row.reply_author_id === null ? null : { authorId: Number(row.reply_author_id), hidden: sqlBoolean(row.reply_hidden) },
        },
      ]),
    );
  }

  /** The asker picks one of the two answers the bot offered; the bot's question becomes that answer. */
  async chooseClarification(context: RequestContext, rawThreadId: string, slug: string): Promise<BotSuggestion> {
    const { user, thread, suggestion } = await this.askerAndSuggestion(context, rawThreadId);
    const clarify = parseClarification(suggestion.clarify);
    if (suggestion.status !== BotSuggestionStatus.CLARIFYING || !clarify || suggestion.replyId === null) {
      throw AppError.badInput('threadId', 'the bot is not waiting for a choice on this question');
    }
    const choice = clarify.choices.find((candidate) => candidate.slug === slug);
    if (!choice) throw AppError.badInput('slug', 'must be one of the two choices the bot offered');
    const answer = await this.answers.requireBySlug(slug);
    if (answer.retired) throw AppError.notFound(ErrorReason.CANONICAL_ANSWER_NOT_FOUND, 'Canonical answer', slug);

    // In the commit of the bot's rewritten reply, holding the thread's row, so that a lock landing meanwhile wins;
    // conditional, so that of two choices at once only the first stands and only its text is posted.
    const body = botAnswerReply(answer, `You said: *${choice.label}*. Here's what to do:`);
    await this.author.editDeciding(suggestion.replyId, body, async (manager, current) => {
      refuseChangesIfLocked(context, current);
      const updated = await manager
        .getRepository(BotSuggestionEntity)
        .update(
          { id: suggestion.id, status: BotSuggestionStatus.CLARIFYING },
          { status: BotSuggestionStatus.ANSWERED, answerId: answer.id, decidedById: user.id, decidedAt: new Date() },
        );
      if (!updated.affected) return false;
      await recordBotEvents(manager, [BotEventType.BotAnswered], { answerId: answer.id, threadId: thread.id, userId: user.id });
      return true;
    });
    return this.reload(suggestion.id);
  }

  /** "This solved it": the bot reply becomes the accepted answer and the resolution is recorded. */
  async markHelpful(context: RequestContext, rawThreadId: string): Promise<BotSuggestion> {
    const { user, thread, suggestion } = await this.askerAndSuggestion(context, rawThreadId);
    const replyId = this.requireBotAnswer(suggestion);
    if (thread.acceptedReplyId !== replyId) await this.threads.accept(context, String(replyId));
    // At once, for the answer: the acceptance's job finds it recorded. This also covers a reply that was accepted already,
    // and the asker's word on an answer staff had decided (see confirmedByAcceptance); only on the suggestion as read
    // above, so that a staff decision committed since (while the reply was being accepted, say) stands.
    if (suggestion.status !== BotSuggestionStatus.CONFIRMED_BY_ASKER) {
      await this.recordAskerConfirmation(suggestion.id, user.id, { status: suggestion.status, answerId: suggestion.answerId! });
    }
    return this.reload(suggestion.id);
  }

  /** "This did not help": the bot reply is folded and the question joins the staff queue. */
  async markUnhelpful(context: RequestContext, rawThreadId: string): Promise<BotSuggestion> {
    const { user, thread, suggestion } = await this.askerAndSuggestion(context, rawThreadId);
    const replyId = this.requireBotAnswer(suggestion);
    if (thread.acceptedReplyId === replyId) await this.threads.unaccept(context, String(thread.id));
    // Said once, and only of the suggestion as read above: a staff decision committed since (while the reply was being
    // unaccepted, say) stands.
    if (suggestion.status === BotSuggestionStatus.UNHELPFUL) return this.reload(suggestion.id);
    const judged = await this.suggestions.manager.transaction(async (manager) => {
      const updated = await manager.getRepository(BotSuggestionEntity).update(
        { id: suggestion.id, status: suggestion.status, answerId: suggestion.answerId! },
        {
          status: BotSuggestionStatus.UNHELPFUL,
          feedback: BotFeedback.UNHELPFUL,
          folded: true,
          decidedById: user.id,
          decidedAt: new Date(),
        },
      );
      if (!updated.affected) return false;
      await recordBotEvents(manager, [BotEventType.Unhelpful], { answerId: suggestion.answerId, threadId: thread.id, userId: user.id });
      return true;
    });
    if (judged) await this.events.emit('staffQueueChanged', { area: 'botQueues', threadId: thread.id });
    return this.reload(suggestion.id);
  }

  /**
   * Another reader found the bot answer useful; once per reader (a second vote changes nothing). A locked thread's votes
   * are closed, for staff too: a vote is a reader's word, not moderation.
   */
  async voteUseful(context: RequestContext, rawThreadId: string): Promise<BotSuggestion> {
    const user = context.requireUser();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    const suggestion = await this.requireSuggestion(context, thread.id);
    this.requireBotAnswer(suggestion);
    if (thread.authorId === user.id)
      throw AppError.forbidden(ErrorReason.ASKER_JUDGES_BOT_ANSWER, 'As the asker, say whether it solved your problem instead');
    if (thread.locked) throw AppError.forbidden(ErrorReason.THREAD_LOCKED, 'The thread is locked: votes are closed');
    try {
      const voted = await this.suggestions.manager.transaction(async (manager) => {
        const votes = manager.getRepository(BotAnswerVoteEntity);
        if (await votes.existsBy({ suggestionId: suggestion.id, userId: user.id })) return false;
        await votes.insert({ suggestionId: suggestion.id, userId: user.id, createdAt: new Date() });
        await manager.getRepository(BotSuggestionEntity).increment({ id: suggestion.id }, 'usefulVotes', 1);
        await recordBotEvents(manager, [BotEventType.UsefulVote], { answerId: suggestion.answerId, threadId: thread.id, userId: user.id });
        return true;
      });
      // The bot's statistics count useful votes; no queue lists them.
      if (voted) await this.events.emit('staffQueueChanged', { area: 'botStats', threadId: thread.id });
    } catch (error) {
      // A concurrent second vote from the same reader.
      if (!isUniqueViolation(error)) throw error;
    }
    return this.reload(suggestion.id);
  }

  /**
   * The asker accepted the bot's reply (here or through acceptAnswer): a confirmed resolution, once, if the reply is still
   * the answer by the asker's choice when the job runs, and staff have not decided on the suggestion (see
   * confirmedByAcceptance). An acceptance withdrawn, or replaced by staff's, before its job ran confirms nothing
   * (PostJobs.recordAcceptance replaces the job); nor does a moderator restoring the hidden reply. Resolves to the thread
   * if it recorded the confirmation.
   */
  private async onAskerAccepted({ postId: replyId, causedById: acceptedById }: PostJob, done: PostJobCompletion): Promise<number | null> {
    const post = await this.posts.findOne(PostType.REPLY, replyId);
    if (!post?.reply?.isAccepted || post.thread.authorId !== acceptedById) return null;
    const threadId = Number(post.thread.id);
    const suggestion = await this.suggestions.findOneBy({ threadId, replyId });
    if (!suggestion?.answerId) return null;
    return (await this.recordAskerConfirmation(suggestion.id, acceptedById, { status: In(confirmedByAcceptance) }, done)) ? threadId : null;
  }

  /** What the decision reads of a question, and whether it was decided already: one statement. */
  private async questionToDecide(
    threadId: number,
  ): Promise<{ title: string; body: string; hidden: boolean; authorId: number; decided: boolean } | null> {
    const [row] = await sqlRows<{ title: string; body: string; hidden: unknown; author_id: number | string; decided: unknown }>(
      this.suggestions.manager,
      `SELECT t.title, t.body, t.hidden, t.author_id, EXISTS (SELECT 1 FROM bot_suggestions s WHERE s.thread_id = t.id) AS decided
       FROM threads t WHERE t.id = $1`,
      [threadId],
    );
    if (!row) return null;
    const { title, body } = row;
    return { title, body, hidden: sqlBoolean(row.hidden), authorId: Number(row.author_id), decided: sqlBoolean(row.decided) };
  }

  /**
   * Records the asker's confirmation if the suggestion is still one it may change (`from`: its status, and its answer,
   * which a correction changes; checked by the update itself, so that a staff decision committed meanwhile stands);
   * with `job`, completes it in the same transaction, last (as NotificationsService.store), so that an acceptance
   * replacing the job waits for no more than its commit. Returns whether it recorded it.
   */
  private async recordAskerConfirmation(
    suggestionId: number,
    userId: number,
    from: Pick<FindOptionsWhere<BotSuggestionEntity>, 'status' | 'answerId'>,
    job?: PostJobCompletion,
  ): Promise<boolean> {
    return this.suggestions.manager.transaction(async (manager) => {
      const suggestion = await manager.getRepository(BotSuggestionEntity).findOneByOrFail({ id: suggestionId });
      const updated = await manager.getRepository(BotSuggestionEntity).update(
        { ...from, id: suggestionId },
        {
          status: BotSuggestionStatus.CONFIRMED_BY_ASKER,
          feedback: BotFeedback.HELPFUL,
          folded: false,
          decidedById: userId,
          decidedAt: new Date(),
        },
      );
      if (updated.affected) {
        await recordBotEvents(manager, [BotEventType.ConfirmedByAsker], {
          answerId: suggestion.answerId,
          threadId: suggestion.threadId,
          userId,
        });
      }
      await job?.complete(manager);
      return Boolean(updated.affected);
    });
  }

  /**
   * The signed-in asker of a visible thread, and the thread's bot suggestion; anyone else is FORBIDDEN, and so is the
   * asker once the thread is locked (staff excepted).
   */
  private async askerAndSuggestion(context: RequestContext, rawThreadId: string) {
    const user = context.requireUser();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    if (thread.authorId !== user.id) throw AppError.forbidden(ErrorReason.NOT_THE_ASKER, 'Only the person who asked can answer the bot');
    const suggestion = await this.requireSuggestion(context, thread.id);
    refuseChangesIfLocked(context, thread);
    return { user, thread, suggestion };
  }

  /** The thread's bot suggestion as stored now (not from the request's loader), if the viewer may see it, else NOT_FOUND. */
  private async requireSuggestion(context: RequestContext, threadId: number): Promise<BotSuggestionEntity> {
    const found = (await this.suggestionsWithReply([threadId])).get(threadId);
    if (!found || !isSuggestionVisibleTo(context, found))
      throw AppError.notFound(ErrorReason.BOT_SUGGESTION_NOT_FOUND, 'Bot suggestion for thread', threadId);
    return found.suggestion;
  }

  /** The id of the bot's public answer, or BAD_USER_INPUT when the bot has not answered. */
  private requireBotAnswer(suggestion: BotSuggestionEntity): number {
    if (suggestion.replyId === null || suggestion.answerId === null || !answeredStatuses.includes(suggestion.status)) {
      throw AppError.badInput('threadId', 'the bot has not answered this question');
    }
    return suggestion.replyId;
  }

  private async reload(suggestionId: number): Promise<BotSuggestion> {
    return toBotSuggestion(await this.suggestions.findOneByOrFail({ id: suggestionId }));
  }
}

/** The stored form of the bot's decision on a question. */
function suggestionValues(
  threadId: number,
  result: MatchResult,
  decision: BotOutcome,
  replyId: number | null,
): Omit<BotSuggestionEntity, 'id'> {
  return {
    threadId,
    answerId: decision.answer?.id ?? null,
    confidence: result.confidence,
    alternatives: JSON.stringify(result.alternatives),
    clarify: decision.clarify ? JSON.stringify(decision.clarify) : null,
    explanation: JSON.stringify(result.explanation),
    status: decision.status,
    feedback: null,
    folded: false,
    usefulVotes: 0,
    replyId,
    createdAt: new Date(),
    decidedById: null,
    decidedAt: null,
  };
}
