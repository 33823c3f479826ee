import type { Clarification, RankedAnswer } from '#matcher';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';
import { BotSuggestion } from './models/bot-suggestion.model.js';

export function toBotSuggestion(entity: BotSuggestionEntity): BotSuggestion {
  return {
    id: String(entity.id),
    threadId: String(entity.threadId),
    status: entity.status,
    confidence: entity.confidence,
    folded: entity.folded,
    usefulVotes: entity.usefulVotes,
    replyId: entity.replyId === null ? null : String(entity.replyId),
    feedback: entity.feedback,
    clarify: parseClarification(entity.clarify),
    createdAt: entity.createdAt,
    decidedAt: entity.decidedAt,
    answerId: entity.answerId,
    alternativesJson: entity.alternatives,
    explanationJson: entity.explanation,
  };
}

export function parseClarification(json: string | null): Clarification | null {
  return json ? (JSON.parse(json) as Clarification) : null;
}

export function parseAlternatives(json: string): RankedAnswer[] {
  return JSON.parse(json) as RankedAnswer[];
}

export function parseExplanation(json: string | null): { terms: string[]; signals: string[] } {
  return json ? (JSON.parse(json) as { terms: string[]; signals: string[] }) : { terms: [], signals: [] };
}
