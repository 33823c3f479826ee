import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { CanonicalAnswer } from '../canonical-answers/models/canonical-answer.model.js';
import { RequestContext } from '../common/request-context.js';
import { BotEventType } from './bot-event-type.js';
import { BotEventEntity } from './bot-event.entity.js';
import { stillNeedsStaff } from './bot-queue-rule.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';
import { BotStatCounts, BotStats } from './models/bot-stats.model.js';

const dayMs = 86_400_000;

function emptyCounts(): BotStatCounts {
  return {
    questionsPosted: 0,
    botAnswers: 0,
    clarifications: 0,
    confirmedResolutions: 0,
    confirmedByAsker: 0,
    confirmedByStaff: 0,
    corrected: 0,
    dismissed: 0,
    unhelpfulVotes: 0,
    usefulVotes: 0,
    deflections: 0,
    pendingReviews: 0,
  };
}

function add(counts: BotStatCounts, type: BotEventType, count: number): void {
  switch (type) {
    case BotEventType.QuestionPosted:
      counts.questionsPosted += count;
      break;
    case BotEventType.BotAnswered:
      counts.botAnswers += count;
      break;
    case BotEventType.ClarificationAsked:
      counts.clarifications += count;
      break;
    case BotEventType.ReviewQueued:
      counts.pendingReviews += count;
      break;
    case BotEventType.ConfirmedByAsker:
      counts.confirmedByAsker += count;
      counts.confirmedResolutions += count;
      break;
    case BotEventType.ConfirmedByStaff:
      counts.confirmedByStaff += count;
      counts.confirmedResolutions += count;
      break;
    case BotEventType.Corrected:
      counts.corrected += count;
      break;
    case BotEventType.Dismissed:
      counts.dismissed += count;
      break;
    case BotEventType.Unhelpful:
      counts.unhelpfulVotes += count;
      break;
    case BotEventType.UsefulVote:
      counts.usefulVotes += count;
      break;
    case BotEventType.Deflection:
      counts.deflections += count;
      break;
  }
}

/** How the bot is doing, counted from bot_events by type, answer and UTC day (grouped in SQL). */
@Injectable()
export class BotStatsService {
  constructor(
    @InjectRepository(BotEventEntity) private readonly events: Repository<BotEventEntity>,
    @InjectRepository(BotSuggestionEntity) private readonly suggestions: Repository<BotSuggestionEntity>,
    private readonly answers: CanonicalAnswersService,
  ) {}

  async stats(context: RequestContext, days: number): Promise<BotStats> {
    context.requireStaff();
    const today = Math.floor(Date.now() / dayMs) * dayMs;
    const since = new Date(today - (days - 1) * dayMs);
    const day =
      this.events.manager.dataSource.options.type === 'postgres'
        ? `to_char(event.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
        : `substr(event.created_at, 1, 10)`;
    const rows: { type: BotEventType; answerId: number | string | null; day: string; count: number | string }[] = await this.events
      .createQueryBuilder('event')
      .select('event.type', 'type')
      .addSelect('event.answer_id', 'answerId')
      .addSelect(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .where('event.createdAt >= :since', { since })
      .groupBy('event.type')
      .addGroupBy('event.answer_id')
      .addGroupBy(day)
      .getRawMany();

    const totals = emptyCounts();
    const perAnswer = new Map<number, BotStatCounts>();
    const perDay = new Map<string, BotStatCounts>();
    for (let time = since.getTime(); time <= today; time += dayMs) perDay.set(new Date(time).toISOString().slice(0, 10), emptyCounts());
    for (const row of rows) {
      const count = Number(row.count);
      add(totals, row.type, count);
      const dayCounts = perDay.get(row.day);
      if (dayCounts) add(dayCounts, row.type, count);
      if (row.answerId !== null) {
        const answerId = Number(row.answerId);
        if (!perAnswer.has(answerId)) perAnswer.set(answerId, emptyCounts());
        add(perAnswer.get(answerId)!, row.type, count);
      }
    }

    const answerIds = [...perAnswer.keys()].sort((a, b) => a - b);
    // Batched by the answers' loader: one query for all of them.
    const answers = (await Promise.all(answerIds.map((id) => this.answers.byId(context, id)))).filter(
      (answer): answer is CanonicalAnswer => answer !== null,
    );
    // The same rule as the queues, so the dashboard's counts match what staff will find there.
    const waiting = (status: BotSuggestionStatus) =>
      stillNeedsStaff(this.suggestions.createQueryBuilder('suggestion').where('suggestion.status = :status', { status })).getCount();
    const [pendingReviewNow, unhelpfulNow] = await Promise.all([
      waiting(BotSuggestionStatus.PENDING_REVIEW),
      waiting(BotSuggestionStatus.UNHELPFUL),
    ]);
    return {
      days,
      since,
      totals,
      perAnswer: answers.map((answer) => ({ answer, counts: perAnswer.get(Number(answer.id))! })),
      perDay: [...perDay].map(([key, counts]) => ({ day: key, counts })),
      pendingReviewNow,
      unhelpfulNow,
    };
  }
}
