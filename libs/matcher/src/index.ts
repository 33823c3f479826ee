export type {
  CanonicalAnswerDocument,
  Clarification,
  MatchInput,
  MatchResult,
  RankedAnswer,
  SimilarThread,
  ThreadDocument,
  UnsureClarification,
} from './types.js';
export { Matcher, type MatcherOptions } from './matcher.js';
export { decide, type BotDecision } from './decision.js';
export {
  defaultCalibration,
  defaultModelSettings,
  defaultThresholds,
  type DecisionThresholds,
  type ModelSettings,
} from './model-defaults.js';
export { type PlattScaling } from './calibration.js';
export { ThreadIndex, type ThreadIndexOptions } from './thread-index.js';
export { defaultAnswers } from './knowledge-base/default-answers.js';
export { nearMissExamples } from './knowledge-base/near-miss-examples.js';
export { AnswerSlug, answerSlugs } from './knowledge-base/answer-slugs.js';
