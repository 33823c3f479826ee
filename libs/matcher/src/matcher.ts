import { IntentModel, type IntentScore } from './intent-model.js';
import { AnswerSlug } from './knowledge-base/answer-slugs.js';
import { nearMissExamples } from './knowledge-base/near-miss-examples.js';
import { detectSignals, signalTokens, type StateSignals } from './state-signals.js';
import { TextNormalizer } from './text-normalizer.js';
import type { CanonicalAnswerDocument, Clarification, MatchInput, MatchResult, RankedAnswer } from './types.js';

/** Tuning knobs; the defaults were tuned on the project's own eval file (dev.jsonl). */
export interface MatcherOptions {
  /** Hard-negative questions the bot should abstain on; defaults to the built-in near misses. */
  nearMisses?: string[];
  /** Below this confidence `match` abstains (answer null). Default 0.45. */
  abstainBelow?: number;
  /** Weight of the TF-IDF intent similarity in the logits. Default 6. */
  similarityWeight?: number;
  /** Logit of "none of the answers" before evidence. Default 1.2. */
  noneBias?: number;
  /** Softmax temperature; higher spreads confidence more evenly. Default 1. */
  temperature?: number;
}

const NONE = '__none';
const nearDuplicate = 0.8;

interface Features {
  tokens: string[];
  features: string[];
  signals: StateSignals;
  corrections: string[];
}

/**
 * The FAQ bot's brain: recognises which canonical answer fits a question, abstains when none does,
 * and asks one clarifying question when it cannot tell "still signed in somewhere" from "locked out".
 * Build a new one whenever the answers change (it takes milliseconds).
 */
export class Matcher {
  private constructor(
    private readonly answers: CanonicalAnswerDocument[],
    private readonly normalizer: TextNormalizer,
    private readonly model: IntentModel,
    private readonly options: Required<Omit<MatcherOptions, 'nearMisses'>>,
  ) {}

  /** Trains a matcher from canonical answers and their examples. */
  static build(answers: CanonicalAnswerDocument[], options: MatcherOptions = {}): Matcher {
    const nearMisses = options.nearMisses ?? nearMissExamples;
    const vocabularyTexts = answers.flatMap((answer) => [answer.title, ...answer.examples]);
    const normalizer = new TextNormalizer(vocabularyTexts);
    const toFeatures = (text: string): string[] => extract(normalizer, text).features;
    const model = IntentModel.build([
      ...answers.map((answer) => ({ label: answer.slug, examples: answer.examples.map(toFeatures) })),
      { label: NONE, examples: nearMisses.map(toFeatures) },
    ]);
    return new Matcher(answers, normalizer, model, {
      abstainBelow: options.abstainBelow ?? 0.45,
      similarityWeight: options.similarityWeight ?? 6,
      noneBias: options.noneBias ?? 1.2,
      temperature: options.temperature ?? 1,
    });
  }

  /** Matches one question (title and body are read together). */
  match(input: MatchInput): MatchResult {
    const text = [input.title, input.body].filter(Boolean).join('. ');
    const extracted = extract(this.normalizer, text);
    const { signals } = extracted;
    const scores = this.model.score(extracted.features);
    const decisive: string[] = [];
    const logits = this.logits(scores, signals, decisive);
    const probabilities = softmax(logits, this.options.temperature);

    const ranked: RankedAnswer[] = this.answers
      .map((answer, index) => ({ slug: answer.slug, confidence: round(probabilities[index]!) }))
      .sort((a, b) => b.confidence - a.confidence);
    const best = ranked[0];
    const explanation = {
      terms: [...this.model.knownFeatures(extracted.tokens), ...extracted.corrections.map((fix) => `typo: ${fix}`)],
      signals: [...describe(signals), ...decisive],
    };
    if (!best) return { answer: null, confidence: 0, alternatives: [], clarify: null, explanation };

    const clarify = this.clarification(ranked, signals);
    if (clarify) {
      const pair = ranked.slice(0, 2).reduce((sum, answer) => sum + answer.confidence, 0);
      explanation.signals.push('ambiguous: lost the authenticator, signed-in state unknown');
      return { answer: null, confidence: round(pair), alternatives: ranked.slice(0, 3), clarify, explanation };
    }
    const answer = best.confidence >= this.options.abstainBelow ? best.slug : null;
    return { answer, confidence: best.confidence, alternatives: ranked.slice(0, 3), clarify: null, explanation };
  }

  private logits(scores: IntentScore[], signals: StateSignals, decisive: string[]): number[] {
    const { similarityWeight, noneBias } = this.options;
    const similarity = new Map(scores.map((score) => [score.label, score.score]));
    // A question nearly identical to a staff-confirmed example is not second-guessed by the gate.
    const confirmed = scores.some((score) => score.label !== NONE && score.top >= nearDuplicate);
    if (confirmed) decisive.push('near-duplicate of a known example');
    const boost = stateBoosts(signals, decisive, confirmed);
    const answerLogits = this.answers.map(
      (answer) => similarityWeight * (similarity.get(answer.slug) ?? 0) + (boost.get(answer.slug) ?? 0),
    );
    const noneLogit = similarityWeight * (similarity.get(NONE) ?? 0) + noneBias + (boost.get(NONE) ?? 0);
    return [...answerLogits, noneLogit];
  }

  private clarification(ranked: RankedAnswer[], signals: StateSignals): Clarification | null {
    const reenable = AnswerSlug.reenableFromSignedInDevice;
    const support = AnswerSlug.contactSupportLockedOut;
    const topTwo = new Set(ranked.slice(0, 2).map((answer) => answer.slug));
    if (!topTwo.has(reenable) || !topTwo.has(support)) return null;
    if (!signals.lostAuthenticator || signals.hardNegative) return null;
    const stateKnown =
      signals.signedInSomewhere ||
      signals.signedInNowhere ||
      signals.lockedOut ||
      signals.asksForReset ||
      (signals.backupCodes && signals.hypothetical);
    if (stateKnown) return null;
    const pair = ranked[0]!.confidence + ranked[1]!.confidence;
    if (pair < this.options.abstainBelow) return null;
    return {
      question: 'Are you still signed in to your account on any device, such as a computer, tablet or browser?',
      choices: [
        { slug: reenable, label: 'Yes, I am still signed in on a device' },
        { slug: support, label: 'No, I am not signed in anywhere' },
      ],
    };
  }
}

function extract(normalizer: TextNormalizer, text: string): Features {
  const normalized = normalizer.normalize(text);
  const signals = detectSignals(normalized.canonical);
  const { tokens } = normalized;
  const features = [...tokens];
  for (let index = 1; index < tokens.length; index++) features.push(`${tokens[index - 1]} ${tokens[index]}`);
  features.push(...signalTokens(signals));
  return { tokens, features, signals, corrections: normalized.corrections };
}

/**
 * Logit adjustments from the state signals. These encode the help desk's rules: a device still
 * signed in means the asker can fix it; signed in nowhere or locked out means support; a hard
 * negative or no mention of two-factor at all means none of the answers.
 */
function stateBoosts(signals: StateSignals, decisive: string[], confirmed: boolean): Map<string, number> {
  const boost = new Map<string, number>();
  const add = (slug: string, value: number) => boost.set(slug, (boost.get(slug) ?? 0) + value);
  // "Please add backup codes: if users lose their phone they are locked out" is about backup codes,
  // not a lost phone.
  // So is "how do I back up my 2FA so I don't lose access if my phone breaks".
  const storyIsHypothetical = Boolean((signals.backupCodes || signals.keepCopy) && signals.hypothetical);
  const lost = Boolean(signals.lostAuthenticator) && !storyIsHypothetical;
  const lostOrSwitching = lost || Boolean(signals.switchAuthenticator || signals.newDevice);
  const lockedOut = Boolean(signals.lockedOut || signals.asksForReset) && !storyIsHypothetical;
  const signedIn = Boolean(signals.signedInSomewhere && !signals.signedInNowhere);

  if (signals.backupCodes) add(AnswerSlug.noBackupCodes, storyIsHypothetical ? 2.5 : 1.5);
  if (signals.qrOrSecret) add(AnswerSlug.saveQrCode, 1.2);
  if (signals.keepCopy) add(AnswerSlug.saveQrCode, 1.3);
  // "What if I lose my phone?" asks how to prepare: keep a copy of the authenticator.
  if (signals.preparing && signals.lostAuthenticator && !signals.backupCodes && !signals.keepCopy && !lockedOut)
    add(AnswerSlug.saveQrCode, 0.8);
  if (lost) {
    add(AnswerSlug.reenableFromSignedInDevice, 0.6);
    add(AnswerSlug.contactSupportLockedOut, 0.6);
  }
  if (signals.newDevice && !lockedOut) add(AnswerSlug.reenableFromSignedInDevice, 0.6);
  if (signals.switchAuthenticator && !lockedOut) add(AnswerSlug.reenableFromSignedInDevice, 1.2);
  if (signedIn && (lostOrSwitching || lockedOut || signals.redoTwoFactor)) {
    decisive.push('state: still signed in on a device');
    add(AnswerSlug.reenableFromSignedInDevice, 1.5);
    add(AnswerSlug.contactSupportLockedOut, -1.5);
  } else if (signals.signedInNowhere && !storyIsHypothetical) {
    decisive.push('state: signed in nowhere');
    add(AnswerSlug.contactSupportLockedOut, 2);
    add(AnswerSlug.reenableFromSignedInDevice, -2);
  } else if (lockedOut) {
    decisive.push('state: locked out');
    add(AnswerSlug.contactSupportLockedOut, 1.2);
    add(AnswerSlug.reenableFromSignedInDevice, -0.5);
  }
  if (lostOrSwitching && (lockedOut || signals.signedInNowhere)) add(AnswerSlug.noBackupCodes, -1);

  const recoveryStory = lost && (lockedOut || signedIn || signals.signedInNowhere);
  // "I imported my passwords, then turned on 2FA and got no backup codes" is still a backup-code question.
  const backupCodeQuestion = Boolean(signals.backupCodes) && signals.hardNegativeIsIncidental && !signals.hypothetical;
  if (signals.hardNegative && !recoveryStory && !confirmed && !backupCodeQuestion) {
    decisive.push(signals.hardNegative);
    add(NONE, 2);
  }
  if (!signals.twoFactorTopic && !confirmed) {
    decisive.push('gate: not about two-factor sign-in');
    add(NONE, 2.5);
  }
  return boost;
}

function describe(signals: StateSignals): string[] {
  const names: Array<[keyof StateSignals, string]> = [
    ['backupCodes', 'backup codes'],
    ['qrOrSecret', 'QR code or setup key'],
    ['keepCopy', 'keep a copy'],
    ['lostAuthenticator', 'lost or replaced authenticator'],
    ['switchAuthenticator', 'switching authenticator'],
    ['signedInSomewhere', 'signed in somewhere'],
    ['signedInNowhere', 'signed in nowhere'],
    ['lockedOut', 'locked out'],
    ['asksForReset', 'asks for a reset'],
  ];
  return names.filter(([key]) => signals[key]).map(([key, name]) => `${name}: ${signals[key]}`);
}

function softmax(logits: number[], temperature: number): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp((logit - max) / temperature));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
