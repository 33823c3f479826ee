import { TextNormalizer } from './text-normalizer.js';
import type { MatchInput, SimilarThread, ThreadDocument } from './types.js';

/** Tuning knobs of the similar-thread index. */
export interface ThreadIndexOptions {
  /** Similar threads returned by default. Default 5. */
  limit?: number;
  /** Most distinct query terms looked up, rarest first. Default 12. */
  maxQueryTerms?: number;
  /**
   * Candidate cap: once this many threads have a score, commoner terms only add to their scores
   * instead of bringing in new threads. Default 2000.
   */
  maxCandidates?: number;
  /** A solved thread ranks above an unsolved one whose score is at most this much higher (relative). Default 0.1. */
  solvedTolerance?: number;
  /** Typo correction vocabulary, e.g. the knowledge base texts. Default none (no correction). */
  vocabularyTexts?: string[];
}

interface StoredThread {
  id: string;
  solved: boolean;
  /** term -> BM25 term frequency part, kept to remove the thread from the postings. */
  terms: Map<string, number>;
  length: number;
}

const k1 = 1.2;
const b = 0.75;

/**
 * Similar-thread search: an inverted index scored with BM25. Queries look up their rarest terms
 * first and stop admitting new candidates once `maxCandidates` threads are scored, so a query
 * costs roughly the postings of its rare terms plus a bounded number of look-ups, not a scan.
 */
export class ThreadIndex {
  private readonly normalizer: TextNormalizer;
  private readonly threads = new Map<number, StoredThread>();
  private readonly slotById = new Map<string, number>();
  /** term -> thread slot -> term frequency in that thread */
  private readonly postings = new Map<string, Map<number, number>>();
  private nextSlot = 0;
  private totalLength = 0;
  private readonly options: Required<Omit<ThreadIndexOptions, 'vocabularyTexts'>>;

  constructor(options: ThreadIndexOptions = {}) {
    this.normalizer = new TextNormalizer(options.vocabularyTexts ?? [], Boolean(options.vocabularyTexts));
    this.options = {
      limit: options.limit ?? 5,
      maxQueryTerms: options.maxQueryTerms ?? 12,
      maxCandidates: options.maxCandidates ?? 2000,
      solvedTolerance: options.solvedTolerance ?? 0.1,
    };
  }

  /** Number of threads indexed. */
  get size(): number {
    return this.threads.size;
  }

  /** Adds a thread, or replaces the one with the same id. */
  upsert(thread: ThreadDocument): void {
    this.remove(thread.id);
    const tokens = this.terms(`${thread.title}. ${thread.title}. ${thread.body}`);
    const terms = new Map<string, number>();
    for (const token of tokens) terms.set(token, (terms.get(token) ?? 0) + 1);
    const slot = this.nextSlot++;
    this.threads.set(slot, { id: thread.id, solved: thread.solved, terms, length: tokens.length });
    this.slotById.set(thread.id, slot);
    this.totalLength += tokens.length;
    for (const [term, frequency] of terms) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Map()));
      list.set(slot, frequency);
    }
  }

  /** Removes a thread; unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const thread = this.threads.get(slot)!;
    for (const term of thread.terms.keys()) {
      const list = this.postings.get(term)!;
      list.delete(slot);
      if (list.size === 0) this.postings.delete(term);
    }
    this.totalLength -= thread.length;
    this.threads.delete(slot);
    this.slotById.delete(id);
  }

  /**
   * Threads most similar to a question, best first; among comparable scores solved threads come first.
   * Scores are in [0, 1] (1 = the thread contains every query term as strongly as possible).
   */
  similar(input: MatchInput, options: { limit?: number; excludeId?: string } = {}): SimilarThread[] {
    const limit = options.limit ?? this.options.limit;
    const count = this.threads.size;
    if (count === 0 || limit <= 0) return [];
    const averageLength = this.totalLength / count;
    const queryTerms = [...new Set(this.terms([input.title, input.body].filter(Boolean).join('. ')))]
      .filter((term) => this.postings.has(term))
      .map((term) => ({ term, idf: idf(count, this.postings.get(term)!.size) }))
      .sort((x, y) => y.idf - x.idf)
      .slice(0, this.options.maxQueryTerms);
    if (queryTerms.length === 0) return [];

    const scores = new Map<number, number>();
    for (const { term, idf: weight } of queryTerms) {
      const list = this.postings.get(term)!;
      if (scores.size < this.options.maxCandidates) {
        for (const [slot, frequency] of list) {
          scores.set(slot, (scores.get(slot) ?? 0) + weight * this.saturate(frequency, slot, averageLength));
        }
      } else {
        // Enough candidates: a common term only refines them (continue strategy).
        for (const [slot, score] of scores) {
          const frequency = list.get(slot);
          if (frequency) scores.set(slot, score + weight * this.saturate(frequency, slot, averageLength));
        }
      }
    }
    const best = queryTerms.reduce((sum, { idf: weight }) => sum + weight * (k1 + 1), 0);
    const excluded = options.excludeId === undefined ? undefined : this.slotById.get(options.excludeId);
    const top = topByScore(scores, Math.max(limit * 4, limit + 10), excluded);
    const tolerance = 1 + this.options.solvedTolerance;
    return top
      .map(([slot, score]) => {
        const thread = this.threads.get(slot)!;
        return { id: thread.id, score: Math.min(1, score / best), solved: thread.solved };
      })
      .sort((x, y) => (y.solved ? y.score * tolerance : y.score) - (x.solved ? x.score * tolerance : x.score))
      .slice(0, limit)
      .map((thread) => ({ ...thread, score: Math.round(thread.score * 1000) / 1000 }));
  }

  private terms(text: string): string[] {
    return this.normalizer.normalize(text).tokens;
  }

  private saturate(frequency: number, slot: number, averageLength: number): number {
    const length = this.threads.get(slot)!.length;
    return (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / averageLength));
  }
}

function idf(count: number, documentFrequency: number): number {
  return Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The n best entries without sorting everything (a small sorted buffer). */
function topByScore(scores: Map<number, number>, n: number, excluded?: number): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  for (const entry of scores) {
    if (entry[0] === excluded) continue;
    if (top.length === n && entry[1] <= top[n - 1]![1]) continue;
    let index = top.length;
    while (index > 0 && top[index - 1]![1] < entry[1]) index--;
    top.splice(index, 0, entry);
    if (top.length > n) top.pop();
  }
  return top;
}
