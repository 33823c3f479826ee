import type { Clarification, RankedAnswer } from '#matcher';
import { sqlBoolean, sqlDate, sqlDateOrNull } from '../common/sql.js';
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
    decidedById: entity.decidedById,
    alternativesJson: entity.alternatives,
    explanationJson: entity.explanation,
  };
}

/** The columns of a bot suggestion for hand-written SQL, from `bot_suggestions` aliased `s`, read back by {@link botSuggestionFromRow}. */
export const botSuggestionColumns =
  's.id, s.thread_id, s.answer_id, s.confidence, s.alternatives, s.clarify, s.explanation, s.status, s.feedback, s.folded, s.useful_votes, s.reply_id, s.created_at, s.decided_by_id, s.decided_at';

export interface BotSuggestionRow {
  id: number;
  thread_id: number;
  answer_id: number | null;
  confidence: number;
  alternatives: string;
  clarify: string | null;
  explanation: string | null;
  status: BotSuggestionEntity['status'];
  feedback: BotSuggestionEntity['feedback'];
  folded: unknown;
  useful_votes: number;
  reply_id: number | null;
  created_at: unknown;
  decided_by_id: number | null;
  decided_at: unknown;
}

/** A row of {@link botSuggestionColumns}, with each engine's value types made alike. */
export function botSuggestionFromRow(row: BotSuggestionRow): BotSuggestionEntity {
  return {
    id: Number(row.id),
    threadId: Number(row.thread_id),
    answerId: row.answer_id === null ? null : Number(row.answer_id),
    confidence: Number(row.confidence),
    alternatives: row.alternatives,
    clarify: row.clarify,
    explanation: row.explanation,
    status: row.status,
    feedback: row.feedback,
    folded: sqlBoolean(row.folded),
    usefulVotes: Number(row.useful_votes),
    replyId: row.reply_id === null ? null : Number(row.reply_id),
    createdAt: sqlDate(row.created_at),
    decidedById: row.decided_by_id === null ? null : Number(row.decided_by_id),
    decidedAt: sqlDateOrNull(row.decided_at),
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
