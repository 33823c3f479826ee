import { typedBodyMatched } from '#post-limits';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';
import { budgetHolder, RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { PostsService } from '../threads/posts.service.js';
import { BotEventEntity } from './bot-event.entity.js';
import { BotEventType } from './bot-event-type.js';
import { recordBotEvents } from './bot-events.js';
import { excerpt } from './bot-text.js';
import { MatcherService } from './matcher.service.js';
import { SuggestAnswersResult } from './models/suggest-answers-result.model.js';

/** Answers below this confidence are not worth showing while someone types. */
const minimumAnswerConfidence = 0.1;
/** Nor are runners-up far behind the best answer: they read as noise beside a clear match. */
const minimumShareOfBest = 1 / 3;
/** Threads below this similarity share too little with the question. */
const minimumThreadScore = 0.2;
/**
 * Nor are threads that contain less than this share of the question's words: an off-topic question that shares
 * one word with a thread can still score high (the score is relative to the words the index knows).
 */
const minimumThreadCoverage = 0.4;
const shown = 3;

/** Suggestions while a question is being typed, and the "this solves my problem" clicks on them. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectRepository(BotEventEntity) private readonly events: Repository<BotEventEntity>,
    private readonly matcher: MatcherService,
    private readonly answers: CanonicalAnswersService,
    private readonly posts: PostsService,
    private readonly rateLimiter: RateLimiterService,
    private readonly environment: Environment,
    private readonly forumEvents: ForumEvents,
  ) {}

  /** Cheap: the matcher and the index are in memory; one query loads the similar threads' titles. */
  async suggest(context: RequestContext, title: string, body: string): Promise<SuggestAnswersResult> {
    await this.rateLimiter.consume(`suggest:${budgetHolder(context)}`, this.environment.RATE_LIMIT_SUGGESTIONS_PER_MINUTE, 60);
    const input = { title: title.trim(), body: body.trim().slice(0, typedBodyMatched) };
    if (!input.title && !input.body) return { answers: [], threads: [], clarify: null };

    const result = this.matcher.match(input);
    const candidates = result.clarify
      ? result.alternatives.filter((candidate) => result.clarify!.choices.some((choice) => choice.slug === candidate.slug))
      : result.alternatives.filter(
          (candidate) =>
            candidate.confidence >= minimumAnswerConfidence &&
            candidate.confidence >= (result.alternatives[0]?.confidence ?? 0) * minimumShareOfBest,
        );
    const answers = candidates.slice(0, shown).flatMap((candidate) => {
      const answer = this.matcher.answer(candidate.slug);
      return answer ? [{ slug: answer.slug, title: answer.title, excerpt: excerpt(answer.body), confidence: candidate.confidence }] : [];
    });

    const similar = this.matcher
      .similar(input, { limit: shown * 2 })
      .filter((thread) => thread.score >= minimumThreadScore && thread.coverage >= minimumThreadCoverage);
    const rows = await this.posts.visibleTitles(similar.map((thread) => Number(thread.id)));
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const threads = similar
      .filter((thread) => byId.has(thread.id))
      .slice(0, shown)
      .map((thread) => {
        const row = byId.get(thread.id)!;
        return { id: thread.id, title: row.title, status: row.status, solved: row.acceptedReplyId !== null, score: thread.score };
      });
    return { answers, threads, clarify: result.clarify };
  }

  /**
   * A member read a suggestion while typing and did not post: counted for the statistics, once per member and answer,
   * so that calling it again cannot inflate the numbers staff judge the canonical answers by.
   */
  async recordDeflection(context: RequestContext, slug: string): Promise<boolean> {
    const user = context.requireUser();
    await this.rateLimiter.consume(`deflection:${budgetHolder(context)}`, 30, 3600);
    const answer = this.matcher.answer(slug) ?? (await this.answers.requireBySlug(slug));
    // Retired answers are never suggested, so nobody can have been helped by one.
    if (answer.retired) throw AppError.notFound(ErrorReason.CANONICAL_ANSWER_NOT_FOUND, 'Canonical answer', slug);
    const recorded = await recordBotEvents(
      this.events.manager,
      [BotEventType.Deflection],
      { answerId: answer.id, userId: user.id },
      { ifAbsent: true },
    );
    // The dashboard shows deflections ("Resolved while typing").
    if (recorded) await this.forumEvents.emit('staffQueueChanged', { area: 'botStats', threadId: null });
    return true;
  }
}
