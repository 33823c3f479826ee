import type { PlattScaling } from './calibration.js';
import type { FeatureSettings } from './features.js';

/** Confidence thresholds of the bot's decisions (see `decide`). */
export interface DecisionThresholds {
  /** At or above: the bot answers publicly. */
  answer: number;
  /** At or above (and below `answer`): the suggestion waits for staff. */
  review: number;
  /** At or above: the bot asks its clarifying question publicly. */
  clarify: number;
}

/** Hyperparameters of the classifier. */
export interface ModelSettings extends FeatureSettings {
  /** L2 penalty of the logistic regression. */
  l2: number;
  /** Scale of the nearest-example similarity features (0 leaves them out). */
  nearestWeight: number;
  /** L2 penalty of the nearest-example weight, which all classes share. */
  sharedNearestL2: number;
  /** Weight of a staff decision (a real question) against one example written for the bot, in its class. */
  learnedWeight: number;
}

/** Chosen by grouped cross-validation over the shared real questions (`npm run eval -- --write-defaults`; see The FAQ bot in the README). */
export const defaultModelSettings: ModelSettings = {
  l2: 0.003,
  characterNgrams: [4],
  groupWeights: { words: 1, characters: 1, signals: 1 },
  lengthPower: 0.5,
  nearestWeight: 1,
  sharedNearestL2: 0.003,
  learnedWeight: 0.25,
};

/**
 * Fitted on held-out predictions of the shared real questions (the model trained on the built-in
 * knowledge base only, so none of them was seen) and written by `npm run eval -- --write-defaults`.
 */
export const defaultCalibration: PlattScaling = { slope: 1.596, intercept: 0.671 };

/** The lowest public threshold with held-out precision >= 0.95 (same run as the calibration). */
export const defaultThresholds: DecisionThresholds = { answer: 0.75, review: 0.31, clarify: 0.22 };
