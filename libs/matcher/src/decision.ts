import type { DecisionThresholds } from './model-defaults.js';
import type { Clarification, MatchResult } from './types.js';

/** What the bot does with a match, given the thresholds. */
export type BotDecision =
  | { action: 'answer'; slug: string; confidence: number }
  | { action: 'clarify'; clarify: Clarification; confidence: number }
  /** Below the public thresholds: a suggestion for staff. */
  | { action: 'review'; slug: string; confidence: number }
  | { action: 'none'; confidence: number };

/** Applies the thresholds to a match: the one place that decides answer, clarify, review or nothing. */
export function decide(result: MatchResult, thresholds: DecisionThresholds): BotDecision {
  const { confidence } = result;
  if (result.clarify && confidence >= thresholds.clarify) return { action: 'clarify', clarify: result.clarify, confidence };
  if (!result.clarify && result.answer && confidence >= thresholds.answer) return { action: 'answer', slug: result.answer, confidence };
  // As sure as a public answer needs that the authenticator is lost, not which of its two answers applies: ask.
  const unsure = result.clarifyIfUnsure;
  if (unsure && unsure.confidence >= thresholds.answer) return { action: 'clarify', clarify: unsure, confidence: unsure.confidence };
  const best = result.alternatives[0];
  if (best && confidence >= thresholds.review) return { action: 'review', slug: best.slug, confidence };
  return { action: 'none', confidence };
}
