import { decide, type Clarification, type MatchResult } from '#matcher';
import type { AnswerRecord } from '../canonical-answers/canonical-answers.service.js';
import { BotEventType } from './bot-event-type.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';
import { botAnswerReply, botClarifyReply } from './bot-text.js';

export interface BotThresholds {
  answer: number;
  review: number;
  clarify: number;
}

/** What the bot does with a new question: the suggestion's status, the answer it names, its public reply and the events to count. */
export interface BotOutcome {
  status: BotSuggestionStatus;
  answer: AnswerRecord | null;
  reply: string | null;
  events: BotEventType[];
  /** The question the bot asks (CLARIFYING), else the one the match offered below the thresholds, if any. */
  clarify: Clarification | null;
}

/**
 * From a calibrated match to what the bot does: answer publicly, ask the clarifying question, queue a
 * suggestion for staff, or nothing. `answerOf` gives the non-retired answers the matcher knows; a match
 * naming any other (retired since) is no match.
 */
export function botOutcome(
  result: MatchResult,
  thresholds: BotThresholds,
  answerOf: (slug: string) => AnswerRecord | undefined,
): BotOutcome {
  const decision = decide(result, thresholds);
  switch (decision.action) {
    case 'clarify': {
      const titles = new Map(decision.clarify.choices.map((choice) => [choice.slug, answerOf(choice.slug)?.title ?? '']));
      return {
        status: BotSuggestionStatus.CLARIFYING,
        answer: null,
        reply: botClarifyReply(decision.clarify, titles),
        events: [BotEventType.ClarificationAsked],
        clarify: decision.clarify,
      };
    }
    case 'answer': {
      const answer = answerOf(decision.slug);
      if (answer)
        return {
          status: BotSuggestionStatus.ANSWERED,
          answer,
          reply: botAnswerReply(answer),
          events: [BotEventType.BotAnswered],
          clarify: result.clarify,
        };
      break;
    }
    case 'review': {
      const answer = answerOf(decision.slug);
      if (answer)
        return {
          status: BotSuggestionStatus.PENDING_REVIEW,
          answer,
          reply: null,
          events: [BotEventType.ReviewQueued],
          clarify: result.clarify,
        };
      break;
    }
    case 'none':
      break;
  }
  return { status: BotSuggestionStatus.NO_MATCH, answer: null, reply: null, events: [], clarify: result.clarify };
}
