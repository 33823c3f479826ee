import { detectSignals, signalTokens, type StateSignals } from './state-signals.js';
import { defaultAnswers } from './knowledge-base/default-answers.js';
import { TextNormalizer, tokenizeWords } from './text-normalizer.js';

/** Which features the classifier sees, and how much each group weighs. */
export interface FeatureSettings {
  /** Character n-gram lengths, taken inside words ("#word#"): typos and joined words still share most of them. */
  characterNgrams: readonly number[];
  /** Scale of each group. */
  groupWeights: { words: number; characters: number; signals: number };
  /** Each feature of a group of n weighs 1 / n^lengthPower (0.5: the group has unit norm; less: long texts count more). */
  lengthPower: number;
}

/**
 * A feature's key: a string for words, bigrams and signals ("w:phone", "b:new phone", "s:__lost"),
 * a hashed number for character n-grams (no string per n-gram: matching allocates far less).
 */
export type FeatureKey = string | number;

/** A text turned into what the classifier and the explanations need. */
export interface TextFeatures {
  tokens: string[];
  signals: StateSignals;
  corrections: string[];
  features: Map<FeatureKey, number>;
}

/**
 * Features of one text: stemmed word unigrams and bigrams, character n-grams, and the state signals
 * with their pairs (so "lost the phone" and "still signed in" can weigh differently together than
 * apart). The 2FA topic is a signal like the others: the weights decide how much its absence counts.
 */
export function extractFeatures(normalizer: TextNormalizer, text: string, settings: FeatureSettings): TextFeatures {
  const normalized = normalizer.normalize(text);
  const signals = detectSignals(normalized.canonical);
  const { tokens } = normalized;
  const features = new Map<FeatureKey, number>();

  let groupStart = features.size;
  for (let index = 0; index < tokens.length; index++) {
    addKey(features, `w:${tokens[index]}`);
    if (index > 0) addKey(features, `b:${tokens[index - 1]} ${tokens[index]}`);
  }
  weighGroup(features, groupStart, settings.groupWeights.words, settings.lengthPower);

  groupStart = features.size;
  for (const word of tokenizeWords(normalized.canonical)) {
    if (word.length < 3) continue;
    const padded = `#${word}#`;
    for (const size of settings.characterNgrams) {
      for (let start = 0; start + size <= padded.length; start++) addKey(features, characterNgramKey(padded, start, size));
    }
  }
  weighGroup(features, groupStart, settings.groupWeights.characters, settings.lengthPower);

  groupStart = features.size;
  const named = signalTokens(signals);
  if (!signals.twoFactorTopic) named.push('__notopic');
  for (let i = 0; i < named.length; i++) {
    addKey(features, `s:${named[i]}`);
    for (let j = i + 1; j < named.length; j++) addKey(features, `s:${named[i]}&${named[j]}`);
  }
  weighGroup(features, groupStart, settings.groupWeights.signals, settings.lengthPower);

  return { tokens, signals, corrections: normalized.corrections, features };
}

/** FNV-1a hash of `text[start, start + size)` and its size, as a small non-negative integer (a V8 small integer). */
function characterNgramKey(text: string, start: number, size: number): number {
  let hash = Math.imul(2166136261 ^ size, 16777619);
  for (let i = start; i < start + size; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash & 0x3fffffff;
}

function addKey(features: Map<FeatureKey, number>, key: FeatureKey): void {
  if (!features.has(key)) features.set(key, 0);
}

/**
 * Sets the value of the group added since `groupStart` (a Map keeps insertion order): each of its n
 * features weighs weight / n^lengthPower; a group with weight 0 is removed.
 */
function weighGroup(features: Map<FeatureKey, number>, groupStart: number, weight: number, lengthPower: number): void {
  const size = features.size - groupStart;
  if (!size) return;
  const value = weight / size ** lengthPower;
  let position = 0;
  for (const key of features.keys()) {
    if (position++ < groupStart) continue;
    if (weight === 0) features.delete(key);
    else features.set(key, value);
  }
}

const cacheLimit = 10_000;

/**
 * Extracts features with a fixed typo vocabulary (the built-in answers and the current titles), and
 * remembers them per text: a rebuild after a knowledge-base change only reads the new texts.
 */
export class FeatureExtractor {
  private static latest: FeatureExtractor | undefined;
  private readonly cache = new Map<string, TextFeatures>();

  private constructor(
    private readonly key: string,
    private readonly normalizer: TextNormalizer,
    private readonly settings: FeatureSettings,
  ) {}

  /** The extractor for these titles and settings (the previous one when they did not change). */
  static for(titles: string[], settings: FeatureSettings): FeatureExtractor {
    // Only the feature settings: a model setting (say, its L2 penalty) changes no text's features.
    const { characterNgrams, groupWeights, lengthPower } = settings;
    const features: FeatureSettings = { characterNgrams, groupWeights, lengthPower };
    const key = JSON.stringify([titles, features]);
    if (FeatureExtractor.latest?.key !== key) {
      const vocabulary = [...titles, ...defaultAnswers.flatMap((answer) => [answer.title, ...answer.examples])];
      FeatureExtractor.latest = new FeatureExtractor(key, new TextNormalizer(vocabulary), features);
    }
    return FeatureExtractor.latest;
  }

  /** Features of a text; `remember` keeps them for the next rebuild (training texts, not every question). */
  extract(text: string, remember: boolean): TextFeatures {
    let features = this.cache.get(text);
    if (!features) {
      features = extractFeatures(this.normalizer, text, this.settings);
      if (!remember) return features;
      if (this.cache.size >= cacheLimit) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(text, features);
    }
    return features;
  }
}
