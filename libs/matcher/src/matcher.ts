import { applyPlatt, type PlattScaling } from './calibration.js';
import { runAtOnce, runInSlices, type Steps } from './cooperative.js';
import { FeatureExtractor, type FeatureKey, type TextFeatures } from './features.js';
import { AnswerSlug } from './knowledge-base/answer-slugs.js';
import { nearMissExamples } from './knowledge-base/near-miss-examples.js';
import { LogisticRegression, type SparseRow, type TrainingRow } from './logistic-regression.js';
import { NearestExamples } from './nearest-examples.js';
import { defaultCalibration, defaultModelSettings, type ModelSettings } from './model-defaults.js';
import type { StateSignals } from './state-signals.js';
import type { CanonicalAnswerDocument, Clarification, MatchInput, MatchResult, RankedAnswer } from './types.js';

/** How a matcher is trained and how its confidences are read. */
export interface MatcherOptions {
  /** Questions none of the answers fits, written for the bot; defaults to the built-in near misses. */
  nearMisses?: string[];
  /** Questions staff dismissed ("not one of ours"): taught as `none` like the near misses, weighed as staff decisions. */
  noneExamples?: string[];
  /** Hyperparameters; defaults to {@link defaultModelSettings}. */
  model?: Partial<ModelSettings>;
  /** Maps the model's probability to a calibrated confidence; defaults to {@link defaultCalibration}. */
  calibration?: PlattScaling;
  /** The matcher this one replaces: training starts from its weights (same optimum, far fewer steps). */
  previous?: Matcher;
}

interface Vocabulary {
  indices: Map<FeatureKey, number>;
}

/** Normalised text of a taught question -> its class (the last teaching wins). */
type Memory = Map<string, number>;

/**
 * The FAQ bot's brain: a multinomial logistic regression over words, character n-grams and state
 * signals decides which canonical answer fits a question or that none does; the one rule left is the
 * help desk's policy of asking "are you still signed in somewhere?" when an authenticator is lost and
 * the question does not say. Build a new one whenever the answers or the learned examples change.
 */
export class Matcher {
  private constructor(
    private readonly answers: CanonicalAnswerDocument[],
    private readonly extractor: FeatureExtractor,
    private readonly vocabulary: Vocabulary,
    private readonly nearest: NearestExamples,
    private readonly model: LogisticRegression,
    private readonly memory: Memory,
    private readonly settings: ModelSettings,
    private readonly calibration: PlattScaling,
  ) {}

  /** Trains a matcher from canonical answers, their examples and the `none` examples. */
  static build(answers: CanonicalAnswerDocument[], options: MatcherOptions = {}): Matcher {
    return runAtOnce(Matcher.train(answers, options));
  }

  /**
   * Trains the same matcher as {@link Matcher.build}, giving the event loop back every few milliseconds:
   * a server keeps answering (with its previous matcher) while this one trains.
   */
  static buildAsync(answers: CanonicalAnswerDocument[], options: MatcherOptions = {}): Promise<Matcher> {
    return runInSlices(Matcher.train(answers, options));
  }

  private static *train(answers: CanonicalAnswerDocument[], options: MatcherOptions): Steps<Matcher> {
    const settings: ModelSettings = { ...defaultModelSettings, ...options.model };
    const extractor = FeatureExtractor.for(
      answers.map((answer) => answer.title),
      settings,
    );
    const noneLabel = answers.length;
    const learnedWeight = settings.learnedWeight;
    const labelled: Array<[text: string, label: number, weight: number, learned: boolean]> = [
      ...answers.flatMap((answer, label) => [
        ...answer.examples.map((text): [string, number, number, boolean] => [text, label, 1, false]),
        ...(answer.learnedExamples ?? []).map((text): [string, number, number, boolean] => [text, label, learnedWeight, true]),
      ]),
      ...(options.nearMisses ?? nearMissExamples).map((text): [string, number, number, boolean] => [text, noneLabel, 1, false]),
      ...(options.noneExamples ?? []).map((text): [string, number, number, boolean] => [text, noneLabel, learnedWeight, true]),
    ];
    const memory: Memory = new Map();
    const extracted: Array<Map<FeatureKey, number>> = [];
    for (const [text, label] of labelled) {
      const features = extractor.extract(text, true);
      if (features.tokens.length) memory.set(features.tokens.join(' '), label);
      extracted.push(features.features);
      yield;
    }
    const classes = answers.length + 1;
    // Staff decisions stay out of the nearest-example index. Real questions come in families (one
    // product's tracker, one site's forum); a learned question's nearest other example would often be
    // its sibling, so the classifier would learn to trust that feature far more than it deserves on a
    // question from somewhere new (grouped CV: staff learning then lowered the figures). The classifier's
    // word weights and the taught-question memory still learn from them.
    const indexed = labelled.flatMap(([, , , learned], index) => (learned ? [] : [index]));
    const position = new Int32Array(labelled.length).fill(-1);
    indexed.forEach((index, at) => (position[index] = at));
    const nearest = yield* NearestExamples.build(
      indexed.map((index) => extracted[index]!),
      indexed.map((index) => labelled[index]![1]),
      classes,
    );
    const indices = new Map<FeatureKey, number>();
    for (const features of extracted) {
      for (const feature of features.keys()) if (!indices.has(feature)) indices.set(feature, indices.size);
      yield;
    }
    const vocabulary = { indices };
    // Every class weighs the same in the loss, so an answer staff just created with one example
    // competes with answers that have dozens; within a class, a staff decision weighs `learnedWeight`
    // examples written for the bot.
    const classWeights = new Array<number>(answers.length + 1).fill(0);
    for (const [, label, weight] of labelled) classWeights[label]! += weight;
    const presentClasses = classWeights.filter((sum) => sum > 0).length;
    const totalWeight = classWeights.reduce((sum, weight) => sum + weight, 0);
    const rows: TrainingRow[] = [];
    for (const [index, features] of extracted.entries()) {
      const [, label, weight] = labelled[index]!;
      const similarities = position[index]! >= 0 ? nearest.forExample(position[index]!) : nearest.forQuestion(features);
      const row = toRow(vocabulary, features, similarities, settings.nearestWeight);
      rows.push({ ...row, label, weight: (weight * totalWeight) / (presentClasses * classWeights[label]!) });
      yield;
    }
    const model = yield* LogisticRegression.train(rows, classes, indices.size, {
      l2: settings.l2,
      sharedL2: settings.sharedNearestL2,
      initial: options.previous?.startingWeights(answers, indices, settings),
      initialShared: options.previous?.model.sharedWeight,
    });
    return new Matcher(answers, extractor, vocabulary, nearest, model, memory, settings, options.calibration ?? defaultCalibration);
  }

  /** Matches one question (title and body are read together). */
  match(input: MatchInput): MatchResult {
    const text = [input.title, input.body].filter(Boolean).join('. ');
    const extracted = this.extractor.extract(text, false);
    const row = toRow(this.vocabulary, extracted.features, this.nearest.forQuestion(extracted.features), this.settings.nearestWeight);
    const probabilities = this.model.probabilities(row);
    const byAnswer = this.answers
      .map((answer, index) => ({ slug: answer.slug, index, probability: probabilities[index]! }))
      .sort((a, b) => b.probability - a.probability);
    const alternatives: RankedAnswer[] = byAnswer
      .slice(0, 3)
      .map((answer) => ({ slug: answer.slug, confidence: modelConfidence(applyPlatt(this.calibration, answer.probability)) }));
    const best = byAnswer[0];
    const explanation = {
      terms: best ? this.decisiveTerms(extracted, best.index) : [],
      signals: describe(extracted.signals),
    };
    if (!best) return { answer: null, confidence: 0, alternatives, clarify: null, clarifyIfUnsure: null, explanation };

    // A question already taught (written for the bot or decided by staff) gets the taught decision.
    const taught = this.memory.get(extracted.tokens.join(' '));
    if (taught !== undefined) {
      const slug = this.answers[taught]?.slug ?? null;
      explanation.signals.push(slug ? `taught: an example of ${slug}` : 'taught: none of the answers');
      if (!slug) return { answer: null, confidence: 0, alternatives: [], clarify: null, clarifyIfUnsure: null, explanation };
      const others = alternatives.filter((answer) => answer.slug !== slug).slice(0, 2);
      return {
        answer: slug,
        confidence: 1,
        alternatives: [{ slug, confidence: 1 }, ...others],
        clarify: null,
        clarifyIfUnsure: null,
        explanation,
      };
    }

    // The two lost-authenticator answers exclude each other: the chance that one of them is right is the sum of theirs.
    // Only a question whose likeliest answer is one of them needs it.
    const lostAuthenticatorPair = isLostAuthenticatorAnswer(best.slug)
      ? modelConfidence(
          applyPlatt(
            this.calibration,
            byAnswer.filter((answer) => isLostAuthenticatorAnswer(answer.slug)).reduce((sum, answer) => sum + answer.probability, 0),
          ),
        )
      : null;
    if (lostAuthenticatorStateUnknown(best.slug, extracted.signals)) {
      explanation.signals.push('ambiguous: lost the authenticator, signed-in state unknown');
      return {
        answer: null,
        confidence: lostAuthenticatorPair!,
        alternatives,
        clarify: signedInQuestion,
        clarifyIfUnsure: null,
        explanation,
      };
    }
    return {
      answer: best.slug,
      confidence: alternatives[0]!.confidence,
      alternatives,
      clarify: null,
      clarifyIfUnsure: lostAuthenticatorPair === null ? null : { ...signedInQuestion, confidence: lostAuthenticatorPair },
      explanation,
    };
  }

  /** This model's weights laid out for a new vocabulary and answer list, when the features are alike. */
  private startingWeights(
    answers: CanonicalAnswerDocument[],
    indices: Map<FeatureKey, number>,
    settings: ModelSettings,
  ): ((feature: number, label: number) => number) | undefined {
    if (JSON.stringify(settings) !== JSON.stringify(this.settings)) return undefined;
    const oldFeature = new Int32Array(indices.size + 1).fill(-1);
    for (const [name, index] of indices) oldFeature[index] = this.vocabulary.indices.get(name) ?? -1;
    oldFeature[indices.size] = this.vocabulary.indices.size; // the bias
    const oldLabel = [...answers.map((answer) => this.answers.findIndex((old) => old.slug === answer.slug)), this.answers.length];
    return (feature, label) => {
      const from = oldFeature[feature]!;
      const to = oldLabel[label]!;
      return from < 0 || to < 0 ? 0 : this.model.weight(from, to);
    };
  }

  /** The question's known words that pushed most towards the chosen class. */
  private decisiveTerms(extracted: TextFeatures, label: number): string[] {
    const terms: Array<[string, number]> = [];
    for (const token of new Set(extracted.tokens)) {
      const index = this.vocabulary.indices.get(`w:${token}`);
      if (index === undefined || token.startsWith('__')) continue;
      terms.push([token, this.model.weight(index, label)]);
    }
    return [
      ...terms
        .filter(([, weight]) => weight > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([term]) => term),
      ...extracted.corrections.map((fix) => `typo: ${fix}`),
    ];
  }
}

/**
 * Help-desk policy: someone whose authenticator is gone is sent to re-enable two-factor from a device
 * still signed in, or to support when there is none; when the question does not say which, ask.
 */
/** The two answers for a lost authenticator: still signed in on a device, or signed in nowhere. */
function isLostAuthenticatorAnswer(slug: string): boolean {
  return slug === AnswerSlug.reenableFromSignedInDevice || slug === AnswerSlug.contactSupportLockedOut;
}

/** Which of the two lost-authenticator answers applies depends on something the question does not say. */
const signedInQuestion: Clarification = {
  question: 'Are you still signed in to your account on any device, such as a computer, tablet or browser?',
  choices: [
    { slug: AnswerSlug.reenableFromSignedInDevice, label: 'Yes, I am still signed in on a device' },
    { slug: AnswerSlug.contactSupportLockedOut, label: 'No, I am not signed in anywhere' },
  ],
};

/** Help-desk policy: an authenticator lost now, and nothing said about being signed in anywhere. */
function lostAuthenticatorStateUnknown(best: string, signals: StateSignals): boolean {
  if (!isLostAuthenticatorAnswer(best)) return false;
  const lostNow = signals.lostAuthenticator && !signals.hypothetical && !signals.preparing;
  const stateKnown = signals.signedInSomewhere || signals.signedInNowhere || signals.lockedOut || signals.asksForReset;
  return Boolean(lostNow) && !stateKnown;
}

/**
 * The classifier's row of a text: its known features, and the nearest-example similarity of each class
 * as the shared feature (one weight for all classes, so an answer staff just created with one example
 * gains from it as much as an answer with a hundred).
 */
function toRow(vocabulary: Vocabulary, features: Map<FeatureKey, number>, similarities: Float64Array, nearestWeight: number): SparseRow {
  const indices = new Int32Array(features.size);
  const values = new Float64Array(indices.length);
  let size = 0;
  for (const [feature, value] of features) {
    const index = vocabulary.indices.get(feature);
    if (index === undefined) continue;
    indices[size] = index;
    values[size++] = value;
  }
  const row = { indices: indices.subarray(0, size), values: values.subarray(0, size) };
  if (nearestWeight === 0) return row;
  for (let label = 0; label < similarities.length; label++) similarities[label]! *= nearestWeight;
  return { ...row, shared: similarities };
}

function describe(signals: StateSignals): string[] {
  const names: Array<[keyof StateSignals, string]> = [
    ['twoFactorTopic', 'about two-factor'],
    ['backupCodes', 'backup codes'],
    ['qrOrSecret', 'QR code or setup key'],
    ['keepCopy', 'keep a copy'],
    ['lostAuthenticator', 'lost or replaced authenticator'],
    ['switchAuthenticator', 'switching authenticator'],
    ['signedInSomewhere', 'signed in somewhere'],
    ['signedInNowhere', 'signed in nowhere'],
    ['lockedOut', 'locked out'],
    ['asksForReset', 'asks for a reset'],
    ['hardNegative', 'near-miss topic'],
  ];
  return names.filter(([key]) => signals[key]).map(([key, name]) => `${name}: ${String(signals[key])}`);
}

/**
 * A calibrated confidence to three decimals, at most 0.999: only a question staff already decided (or an
 * example written for the bot) is certain, so a public threshold of 1 means "taught questions only".
 */
function modelConfidence(value: number): number {
  return Math.min(0.999, Math.round(value * 1000) / 1000);
}
