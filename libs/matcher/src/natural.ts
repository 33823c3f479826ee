/**
 * The one adapter to `natural`. It loads each piece by its own module file, because the package root
 * takes about a second to load and runs dotenv (reads `.env`, prints a banner) through its storage
 * back ends. `natural` is CommonJS, hence `createRequire`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const base = 'natural/lib/natural';

interface Stemmer {
  stem(token: string): string;
}
interface DistanceOptions {
  transposition_cost?: number;
  restricted?: boolean;
}
/** The slice of `natural`'s TfIdf used by the benchmark baseline. */
export interface NaturalTfIdf {
  addDocument(document: string | string[], key?: unknown): void;
  tfidfs(terms: string | string[], callback?: (index: number, measure: number, key?: unknown) => void): number[];
}

const PorterStemmer = require(`${base}/stemmers/porter_stemmer.js`) as Stemmer;
const { DamerauLevenshteinDistance } = require(`${base}/distance/levenshtein_distance.js`) as {
  DamerauLevenshteinDistance: (source: string, target: string, options?: DistanceOptions) => number;
};
const TfIdfClass = require(`${base}/tfidf/tfidf.js`) as new () => NaturalTfIdf;

const stems = new Map<string, string>();

/**
 * Longer tokens are not words (the longest English words have about 30 letters) and are kept as they are: the
 * stemmer's regular expressions take time quadratic in a token's length, seconds for one 20,000-letter "word".
 */
const longestStemmedToken = 40;

/** Porter stem of one lower-case token (memoized: natural's stemmer is the slowest step otherwise). */
export function stem(token: string): string {
  if (token.length > longestStemmedToken) return token;
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(token);
    if (stems.size < 200_000) stems.set(token, stemmed);
  }
  return stemmed;
}

/**
 * Damerau-Levenshtein edit distance (a transposition counts as one edit), or `maxDistance + 1` for any distance past
 * it. Two bounds in one pass rule most words out before natural's table, which allocates an object per cell: made-up
 * words, each compared with every word of a vocabulary with its initial, held the event loop for seconds. An edit
 * changes the length by at most one, and the letters the two words have (as multisets) by at most two (a substitution
 * takes one and adds one; a transposition none).
 */
export function editDistance(source: string, target: string, maxDistance: number): number {
  if (Math.abs(source.length - target.length) > maxDistance) return maxDistance + 1;
  if (Math.ceil(lettersApart(source, target) / 2) > maxDistance) return maxDistance + 1;
  return Math.min(DamerauLevenshteinDistance(source, target, { transposition_cost: 1 }), maxDistance + 1);
}

/** Per UTF-16 code unit, how many more times the source has it than the target: lettersApart's scratch, left all zero. */
const surplus = new Int32Array(65_536);

/** The size of the symmetric difference of the two words' letters, as multisets. */
function lettersApart(source: string, target: string): number {
  for (let index = 0; index < source.length; index++) surplus[source.charCodeAt(index)]++;
  for (let index = 0; index < target.length; index++) surplus[target.charCodeAt(index)]--;
  return drainSurplus(source) + drainSurplus(target);
}

/** The surplus of the word's letters, each counted once, left at zero. */
function drainSurplus(word: string): number {
  let apart = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    apart += Math.abs(surplus[code]!);
    surplus[code] = 0;
  }
  return apart;
}

let englishWords: Set<string> | undefined;

/**
 * Whether a lower-case word of five letters or more is an ordinary English word (natural's
 * part-of-speech lexicon: about 40,000 such words, 3 MB, loaded on first use). Typo correction leaves
 * such words alone: "share" is not a typo of "spare", nor "charged" of "changed".
 */
export function isEnglishWord(word: string): boolean {
  if (!englishWords) {
    englishWords = new Set(loadLexiconWords().split(' '));
  }
  return englishWords.has(word);
}

/**
 * The lexicon's plain words of five letters or more (typo correction skips shorter words), joined
 * by spaces: a set built from the split copies holds about 3 MB, where the parsed JSON holds 15.
 */
function loadLexiconWords(): string {
  // Read, not required: a required module stays referenced (with its 15 MB of tags) after use.
  const path = require.resolve(`${base}/brill_pos_tagger/data/English/lexicon_from_posjs.json`);
  const lexicon = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return Object.keys(lexicon)
    .filter((entry) => entry.length >= 5 && /^[a-z]+$/.test(entry))
    .join(' ');
}

/** A fresh `natural` TfIdf (used only as the benchmark's baseline). */
export function createNaturalTfIdf(): NaturalTfIdf {
  return new TfIdfClass();
}
