import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { ForumEvents } from '../events/forum-events.js';
import { ExampleSource } from '../canonical-answers/example-source.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { insertRowIfAbsent } from '../common/returning-writes.js';
import { unrepliedOpenQuestions } from '../threads/thread-queries.js';
import { ThreadsService } from '../threads/threads.service.js';
import { UsersService } from '../users/users.service.js';
import { BotAuthor } from './bot-author.service.js';
import { BotEventType } from './bot-event-type.js';
import { recordBotEvents } from './bot-events.js';
import { stillNeedsStaff } from './bot-queue-rule.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';
import { toBotSuggestion } from './bot-suggestion.mapper.js';
import { botAnswerReply, staffDraft } from './bot-text.js';
import { BotQueueCounts, BotQueueKind, BotQueuePage } from './models/bot-queue.model.js';
import { BotSuggestion } from './models/bot-suggestion.model.js';

type SuggestionQueueKind = Exclude<BotQueueKind, BotQueueKind.NO_SUGGESTION>;

const queueStatus: Record<SuggestionQueueKind, BotSuggestionStatus> = {
  [BotQueueKind.PENDING]: BotSuggestionStatus.PENDING_REVIEW,
  [BotQueueKind.UNHELPFUL]: BotSuggestionStatus.UNHELPFUL,
  [BotQueueKind.DISMISSED]: BotSuggestionStatus.DISMISSED,
};

/**
 * Narrows a query over bot suggestions (alias `suggestion`) to those waiting in the queue of `kind`. Its parameter is
 * named for the queue, so that `counts` can hold the three queues' queries side by side.
 */
function waitingIn<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, kind: SuggestionQueueKind): SelectQueryBuilder<T> {
  return stillNeedsStaff(query.where(`suggestion.status = :${kind}Status`, { [`${kind}Status`]: queueStatus[kind] }));
}

/** Narrows a query over unreplied open questions to the NO_SUGGESTION queue's, with their suggestion (if NO_MATCH) joined. */
function withoutSuggestion<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query
    .leftJoinAndMapOne('thread.suggestion', BotSuggestionEntity, 'suggestion', 'suggestion.threadId = thread.id')
    .andWhere('(suggestion.id IS NULL OR suggestion.status = :noMatch)', { noMatch: BotSuggestionStatus.NO_MATCH });
}

/**
 * Staff review of the bot: the queues, confirming or correcting a suggestion (which teaches the
 * matcher the question as a new example), dismissing one, and prefilled staff replies.
 */
@Injectable()
export class BotReviewService {
  constructor(
    @InjectRepository(BotSuggestionEntity) private readonly suggestions: Repository<BotSuggestionEntity>,
    private readonly answers: CanonicalAnswersService,
    private readonly threads: ThreadsService,
    private readonly users: UsersService,
    private readonly author: BotAuthor,
    private readonly events: ForumEvents,
  ) {}

  /**
   * Oldest first, only what still needs staff. PENDING, UNHELPFUL and DISMISSED: suggestions in that status whose
   * thread is open, visible and has no staff reply since the bot's suggestion (see stillNeedsStaff). NO_SUGGESTION:
   * open, visible questions nobody replied to that the bot found nothing for.
   */
  async queue(context: RequestContext, kind: BotQueueKind, first: number, after: string | null | undefined): Promise<BotQueuePage> {
    context.requireStaff();
    const afterId = after ? decodeIdCursor(kind, after) : 0;
    let items: { cursorId: number; threadId: number; suggestion: BotSuggestionEntity | null }[];
    if (kind === BotQueueKind.NO_SUGGESTION) {
      const rows = await withoutSuggestion(unrepliedOpenQuestions(this.suggestions.manager))
        .andWhere('thread.id > :afterId', { afterId })
        .orderBy('thread.id', 'ASC')
        .limit(first + 1)
        .getMany();
      items = rows.map((thread) => {
        const suggestion = (thread as typeof thread & { suggestion?: BotSuggestionEntity | null }).suggestion ?? null;
        return { cursorId: thread.id, threadId: thread.id, suggestion };
      });
    } else {
      const rows = await waitingIn(this.suggestions.createQueryBuilder('suggestion'), kind)
        .andWhere('suggestion.id > :afterId', { afterId })
        .orderBy('suggestion.id', 'ASC')
        .limit(first + 1)
        .getMany();
      items = rows.map((suggestion) => ({ cursorId: suggestion.id, threadId: suggestion.threadId, suggestion }));
    }
    const { nodes, pageInfo } = connectionOf(items, first, (item) => ({
      cursor: encodeIdCursor(kind, item.cursorId),
      node: { threadId: String(item.threadId), suggestion: item.suggestion ? toBotSuggestion(item.suggestion) : null },
    }));
    return { nodes, pageInfo };
  }

  /**
   * How many questions wait in each queue, by the rules `queue` lists them by (the same query builders), in one
   * statement: one subquery per queue. Each reads only what can wait there, the suggestions in the queue's status (the
   * bot_suggestions_queue index) or the unreplied open questions (threads_unreplied), not every open question.
   */
  async counts(context: RequestContext): Promise<BotQueueCounts> {
    context.requireStaff();
    const countWaitingIn = (kind: SuggestionQueueKind) => (subQuery: SelectQueryBuilder<BotSuggestionEntity>) =>
      waitingIn(subQuery.select('COUNT(*)').from(BotSuggestionEntity, 'suggestion'), kind);
    const row: Record<keyof BotQueueCounts, number | string> | undefined = await withoutSuggestion(
      unrepliedOpenQuestions(this.suggestions.manager),
    )
      .select('COUNT(*)', 'noSuggestion')
      .addSelect(countWaitingIn(BotQueueKind.PENDING), 'pending')
      .addSelect(countWaitingIn(BotQueueKind.UNHELPFUL), 'unhelpful')
      .addSelect(countWaitingIn(BotQueueKind.DISMISSED), 'dismissed')
      .getRawOne();
    return {
      pending: Number(row?.pending ?? 0),
      unhelpful: Number(row?.unhelpful ?? 0),
      noSuggestion: Number(row?.noSuggestion ?? 0),
      dismissed: Number(row?.dismissed ?? 0),
    };
  }

  /**
   * The bot was right: its answer is posted (if not yet), the resolution recorded, and the question becomes an example.
   * Confirming a confirmed suggestion again (a second click, a retried request) changes nothing.
   */
  async confirm(context: RequestContext, rawThreadId: string): Promise<BotSuggestion> {
    const staff = context.requireStaff();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    const suggestion = await this.suggestions.findOneBy({ threadId: thread.id });
    if (!suggestion) throw AppError.notFound(ErrorReason.BOT_SUGGESTION_NOT_FOUND, 'Bot suggestion for thread', thread.id);
    if (suggestion.answerId === null)
      throw AppError.badInput('threadId', 'the bot suggested no answer here: choose one with Correct (correctSuggestion)');
    const answer = await this.answers.requireById(suggestion.answerId);
    if (answer.retired)
      throw AppError.badInput('threadId', 'the suggested answer is retired: choose the right one with Correct (correctSuggestion)');

    const posted = suggestion.replyId === null;
    const decide = async (manager: EntityManager, replyId: number) => {
      // Conditional, so that of two confirmations at once only one posts, learns and counts, and a correction that
      // lands first is not confirmed as the answer it replaced.
      const updated = await manager.getRepository(BotSuggestionEntity).update(
        {
          id: suggestion.id,
          answerId: answer.id,
          status: Not(BotSuggestionStatus.CONFIRMED_BY_STAFF),
          ...(posted ? { replyId: IsNull() } : {}),
        },
        { status: BotSuggestionStatus.CONFIRMED_BY_STAFF, replyId, decidedById: staff.id, decidedAt: new Date() },
      );
      if (!updated.affected) return false;
      await this.answers.learnExample(
        manager,
        answer.id,
        { title: thread.title, body: thread.body, threadId: thread.id },
        ExampleSource.CONFIRMED,
        staff.id,
      );
      const events = posted ? [BotEventType.BotAnswered, BotEventType.ConfirmedByStaff] : [BotEventType.ConfirmedByStaff];
      await recordBotEvents(manager, events, { answerId: answer.id, threadId: thread.id, userId: staff.id });
      return true;
    };
    const decided = posted
      ? await this.writeDeciding(thread, null, botAnswerReply(answer), staff.id, decide)
      : await this.suggestions.manager.transaction((manager) => decide(manager, suggestion.replyId!));
    if (decided) await this.decided(thread.id);
    return this.reload(suggestion.id);
  }

  /**
   * The right answer is another one. The bot posts it publicly (editing its earlier reply, whose old text
   * stays in the revisions, or adding one), so the asker can still say whether it helped; the question
   * becomes an example of the right answer. Correcting to the answer it was corrected to changes nothing.
   */
  async correct(context: RequestContext, rawThreadId: string, slug: string): Promise<BotSuggestion> {
    const staff = context.requireStaff();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    const answer = await this.answers.requireBySlug(slug);
    if (answer.retired) throw AppError.badInput('slug', 'that canonical answer is retired');
    const existing = await this.suggestionToDecide(thread.id);
    if (existing.status === BotSuggestionStatus.CORRECTED && existing.answerId === answer.id) return toBotSuggestion(existing);

    const posting = existing.replyId === null;
    const decide = async (manager: EntityManager, replyId: number) => {
      // Conditional, so that of two identical corrections at once only one learns and counts, and of two that post the
      // bot's reply at once only one does.
      const stillPending = posting ? { replyId: IsNull() } : {};
      const criteria = [
        { id: existing.id, status: Not(BotSuggestionStatus.CORRECTED), ...stillPending },
        { id: existing.id, answerId: Not(answer.id), ...stillPending },
      ];
      const updated = await manager.getRepository(BotSuggestionEntity).update(criteria, {
        answerId: answer.id,
        status: BotSuggestionStatus.CORRECTED,
        replyId,
        feedback: null,
        folded: false,
        decidedById: staff.id,
        decidedAt: new Date(),
      });
      if (!updated.affected) return false;
      await this.answers.learnExample(
        manager,
        answer.id,
        { title: thread.title, body: thread.body, threadId: thread.id },
        ExampleSource.CORRECTED,
        staff.id,
      );
      // Counted as a correction only: botAnswers are the bot's own answers, one per question at most.
      await recordBotEvents(manager, [BotEventType.Corrected], {
        answerId: answer.id,
        threadId: thread.id,
        userId: staff.id,
      });
      return true;
    };
    const decided = await this.writeDeciding(thread, existing.replyId, botAnswerReply(answer), staff.id, decide);
    // Another decision posted the bot's reply first: this correction edits it instead.
    if (!decided && posting) return this.correct(context, rawThreadId, slug);
    if (decided) await this.decided(thread.id);
    return this.reload(existing.id);
  }

  /**
   * No canonical answer fits: the question moves to the DISMISSED queue until a person answers it, a bot reply, if
   * any, is folded, and the question becomes an example of "none of the answers". Dismissing a dismissed suggestion again changes nothing.
   */
  async dismiss(context: RequestContext, rawThreadId: string): Promise<BotSuggestion> {
    const staff = context.requireStaff();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    const existing = await this.suggestionToDecide(thread.id);
    const decided = await this.suggestions.manager.transaction(async (manager) => {
      // Conditional, so that of two dismissals at once only one learns and counts.
      const updated = await manager.getRepository(BotSuggestionEntity).update(
        { id: existing.id, status: Not(BotSuggestionStatus.DISMISSED) },
        {
          status: BotSuggestionStatus.DISMISSED,
          // As stored when it commits: a correction may have posted the bot's reply since it was read.
          folded: () => 'reply_id IS NOT NULL',
          decidedById: staff.id,
          decidedAt: new Date(),
        },
      );
      if (!updated.affected) return false;
      await this.answers.learnNoneExample(manager, { title: thread.title, body: thread.body, threadId: thread.id }, staff.id);
      await recordBotEvents(manager, [BotEventType.Dismissed], {
        answerId: existing.answerId,
        threadId: thread.id,
        userId: staff.id,
      });
      return true;
    });
    if (decided) await this.decided(thread.id);
    return this.reload(existing.id);
  }

  /** After a staff decision committed: the bot learned a question, and the question moved between queues. */
  private async decided(threadId: number): Promise<void> {
    await this.answers.announceChange();
    await this.events.emit('staffQueueChanged', { area: 'botQueues', threadId });
  }

  /** Markdown to prefill a staff reply with a canonical answer (posted with replyToThread, so it gets the staff badge). */
  async draft(context: RequestContext, slug: string, rawThreadId: string): Promise<string> {
    context.requireStaff();
    const thread = await this.threads.findVisible(context, parseId(rawThreadId, 'threadId'));
    const answer = await this.answers.requireBySlug(slug);
    const asker = await this.users.byId(context, thread.authorId);
    return staffDraft(answer, asker?.username ?? null);
  }

  /**
   * The thread's suggestion for staff to decide on. A question the bot has not decided yet gets the one of a question
   * it found nothing for: its job, should it run later, finds the question decided and leaves it. Should the job commit
   * its decision first, staff decide on that one.
   */
  private async suggestionToDecide(threadId: number): Promise<BotSuggestionEntity> {
    const existing = await this.suggestions.findOneBy({ threadId });
    if (existing) return existing;
    await insertRowIfAbsent(
      this.suggestions.manager,
      BotSuggestionEntity,
      {
        threadId,
        answerId: null,
        confidence: 0,
        alternatives: '[]',
        clarify: null,
        explanation: null,
        status: BotSuggestionStatus.NO_MATCH,
        feedback: null,
        folded: false,
        usefulVotes: 0,
        replyId: null,
        createdAt: new Date(),
        decidedById: null,
        decidedAt: null,
      },
      'threadId',
    );
    return this.suggestions.findOneByOrFail({ threadId });
  }

  /**
   * Posts the bot's reply, or edits it when `replyId` is set, in the commit of the staff decision that makes it: when
   * `decide` finds the decision taken already (it returns false), nothing is written. Returns whether it was decided.
   * An edit's decision is taken after the thread's row and before the reply's, so of two decisions at once the later
   * one edits the text the earlier one wrote.
   */
  private writeDeciding(
    thread: { id: number; authorId: number },
    replyId: number | null,
    body: string,
    staffId: number,
    decide: (manager: EntityManager, replyId: number) => Promise<boolean>,
  ): Promise<boolean> {
    return replyId === null
      ? this.author.postDeciding(thread, body, staffId, decide)
      : this.author.editDeciding(replyId, body, (manager) => decide(manager, replyId));
  }

  private async reload(suggestionId: number): Promise<BotSuggestion> {
    return toBotSuggestion(await this.suggestions.findOneByOrFail({ id: suggestionId }));
  }
}
