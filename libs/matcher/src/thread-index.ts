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
  /** Query terms whose IDF is below this share of the rarest query term's are skipped. Default 0.2. */
  minTermWeight?: number;
  /** Typo correction vocabulary, e.g. the knowledge base texts. Default none (no correction). */
  vocabularyTexts?: string[];
}

/** Postings of one term: parallel typed arrays, grown by doubling; removed threads are skipped, then compacted. */
class PostingList {
  slots = new Int32Array(4);
  frequencies = new Uint16Array(4);
  length = 0;
  /** Postings whose thread is still indexed (the term's document frequency). */
  live = 0;

  push(slot: number, frequency: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      const frequencies = new Uint16Array(this.length * 2);
      frequencies.set(this.frequencies);
      [this.slots, this.frequencies] = [slots, frequencies];
    }
    this.slots[this.length] = slot;
    this.frequencies[this.length++] = Math.min(frequency, 65535);
    this.live++;
  }

  /** Drops the postings of removed threads, telling `dropped` of each. */
  compact(alive: Uint8Array, dropped: (slot: number) => void): void {
    let kept = 0;
    for (let index = 0; index < this.length; index++) {
      const slot = this.slots[index]!;
      if (!alive[slot]) {
        dropped(slot);
        continue;
      }
      this.slots[kept] = slot;
      this.frequencies[kept++] = this.frequencies[index]!;
    }
    this.length = kept;
  }
}

const k1 = 1.2;
const b = 0.75;

/**
 * Similar-thread search: an inverted index scored with BM25 (title counted twice). A query looks up
 * its rarest terms first, drops terms far commoner than its rarest one, and stops admitting new
 * candidates once `maxCandidates` threads have a score (later terms only refine those), so its cost
 * follows the postings of a few terms, not the number of threads.
 */
export class ThreadIndex {
  private readonly normalizer: TextNormalizer;
  private readonly options: Required<Omit<ThreadIndexOptions, 'vocabularyTexts'>>;
  private readonly termIds = new Map<string, number>();
  private readonly lists: Array<PostingList | undefined> = [];
  /** The term of each term id in use; a term no indexed thread has any more is forgotten, and its id used again. */
  private readonly termOfId: string[] = [];
  private readonly freeTermIds: number[] = [];
  private readonly slotById = new Map<string, number>();
  /**
   * Slots of removed threads that no posting list names any more, for the next threads: every edit indexes its thread
   * anew, and new slots for each would grow the index for as long as the process runs.
   */
  private readonly freeSlots: number[] = [];
  private ids: string[] = [];
  private termsOfSlot: Array<Int32Array | undefined> = [];
  private lengths = new Float64Array(1024);
  private solved = new Uint8Array(1024);
  private alive = new Uint8Array(1024);
  /** Of a removed thread's slot, the postings lists still hold (skipped until compacted); it is free at 0. */
  private stalePostings = new Int32Array(1024);
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private nextSlot = 0;
  private count = 0;
  private totalLength = 0;

  /** Creates an empty index. */
  constructor(options: ThreadIndexOptions = {}) {
    this.normalizer = new TextNormalizer(options.vocabularyTexts ?? [], Boolean(options.vocabularyTexts));
    this.options = {
      limit: options.limit ?? 5,
      maxQueryTerms: options.maxQueryTerms ?? 12,
      maxCandidates: options.maxCandidates ?? 2000,
      solvedTolerance: options.solvedTolerance ?? 0.1,
      minTermWeight: options.minTermWeight ?? 0.2,
    };
  }

  /** Number of threads indexed. */
  get size(): number {
    return this.count;
  }

  /** Number of slots in use: the threads indexed, and removed ones whose postings some list still holds. */
  get slotCount(): number {
    return this.nextSlot - this.freeSlots.length;
  }

  /** Number of distinct terms the indexed threads hold. */
  get termCount(): number {
    return this.termIds.size;
  }

  /** Adds a thread, or replaces the one with the same id. */
  upsert(thread: ThreadDocument): void {
    this.remove(thread.id);
    const tokens = this.terms(`${thread.title}. ${thread.title}. ${thread.body}`);
    const frequencies = new Map<number, number>();
    for (const token of tokens) {
      let termId = this.termIds.get(token);
      if (termId === undefined) {
        termId = this.freeTermIds.pop() ?? this.lists.length;
        this.termIds.set(token, termId);
        this.termOfId[termId] = token;
        this.lists[termId] = new PostingList();
      }
      frequencies.set(termId, (frequencies.get(termId) ?? 0) + 1);
    }
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    this.ensureCapacity(slot + 1);
    this.ids[slot] = thread.id;
    this.lengths[slot] = tokens.length;
    this.solved[slot] = thread.solved ? 1 : 0;
    this.alive[slot] = 1;
    this.termsOfSlot[slot] = Int32Array.from(frequencies.keys());
    for (const [termId, frequency] of frequencies) this.lists[termId]!.push(slot, frequency);
    this.slotById.set(thread.id, slot);
    this.count++;
    this.totalLength += tokens.length;
  }

  /** Removes a thread; unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.alive[slot] = 0;
    const terms = this.termsOfSlot[slot]!;
    this.stalePostings[slot] = terms.length;
    if (terms.length === 0) this.freeSlots.push(slot);
    for (const termId of terms) {
      const list = this.lists[termId]!;
      list.live--;
      // Edits of made-up words would otherwise leave a term and its list behind for each: memory without bound.
      if (list.live === 0) this.forgetTerm(termId);
      else if (list.length > 16 && list.live * 2 < list.length) list.compact(this.alive, this.dropPosting);
    }
    this.termsOfSlot[slot] = undefined;
    this.ids[slot] = '';
    this.totalLength -= this.lengths[slot]!;
    this.slotById.delete(id);
    this.count--;
  }

  /** A list let go of a removed thread's posting: once none holds one, its slot is free. */
  private readonly dropPosting = (slot: number): void => {
    if (--this.stalePostings[slot]! === 0) this.freeSlots.push(slot);
  };

  private forgetTerm(termId: number): void {
    const list = this.lists[termId]!;
    for (let index = 0; index < list.length; index++) this.dropPosting(list.slots[index]!);
    this.termIds.delete(this.termOfId[termId]!);
    this.termOfId[termId] = '';
    this.lists[termId] = undefined;
    this.freeTermIds.push(termId);
  }

  /**
   * Threads most similar to a question, best first; among comparable scores solved threads come first.
   * Scores are in [0, 1] (1 = the thread has every query term as strongly as a thread can).
   */
  similar(input: MatchInput, options: { limit?: number; excludeId?: string } = {}): SimilarThread[] {
    const limit = options.limit ?? this.options.limit;
    if (this.count === 0 || limit <= 0) return [];
    const averageLength = this.totalLength / this.count || 1;
    const distinctTerms = [...new Set(this.terms([input.title, input.body].filter(Boolean).join('. ')))];
    const queryTerms = distinctTerms
      .map((token) => this.termIds.get(token))
      .filter((termId): termId is number => termId !== undefined && this.lists[termId]!.live > 0)
      .map((termId) => ({ list: this.lists[termId]!, weight: idf(this.count, this.lists[termId]!.live) }))
      .sort((x, y) => y.weight - x.weight)
      .slice(0, this.options.maxQueryTerms);
    if (queryTerms.length === 0) return [];
    // Terms far commoner than the rarest one barely change the ranking but cost the most.
    const floor = queryTerms[0]!.weight * this.options.minTermWeight;
    const used = queryTerms.filter((term) => term.weight >= floor);

    const { scores, touched, alive, lengths } = this;
    const lengthFactor = (k1 * b) / averageLength;
    const constant = k1 * (1 - b);
    let touchedCount = 0;
    for (const { list, weight } of used) {
      const { slots, frequencies, length } = list;
      for (let index = 0; index < length; index++) {
        const slot = slots[index]!;
        if (!alive[slot]) continue;
        if (scores[slot] === 0) {
          if (touchedCount >= this.options.maxCandidates) continue;
          touched[touchedCount++] = slot;
        }
        const frequency = frequencies[index]!;
        scores[slot]! += (weight * frequency * (k1 + 1)) / (frequency + constant + lengthFactor * lengths[slot]!);
      }
    }

    const best = used.reduce((sum, { weight }) => sum + weight * (k1 + 1), 0);
    const excluded = options.excludeId === undefined ? -1 : (this.slotById.get(options.excludeId) ?? -1);
    const top: Array<[number, number]> = [];
    const keep = Math.max(limit * 4, limit + 10);
    for (let index = 0; index < touchedCount; index++) {
      const slot = touched[index]!;
      const score = scores[slot]!;
      scores[slot] = 0;
      if (slot === excluded) continue;
      if (top.length === keep && score <= top[keep - 1]![1]) continue;
      let position = top.length;
      while (position > 0 && top[position - 1]![1] < score) position--;
      top.splice(position, 0, [slot, score]);
      if (top.length > keep) top.pop();
    }
    const tolerance = 1 + this.options.solvedTolerance;
    const rank = (thread: { score: number; solved: boolean }) => (thread.solved ? thread.score * tolerance : thread.score);
    return top
      .map(([slot, score]) => ({ slot, id: this.ids[slot]!, score: Math.min(1, score / best), solved: this.solved[slot] === 1 }))
      .sort((x, y) => rank(y) - rank(x))
      .slice(0, limit)
      .map(({ slot, ...thread }) => ({ ...thread, coverage: this.coverage(slot, distinctTerms) }))
      .map((thread) => ({ ...thread, score: Math.round(thread.score * 1000) / 1000, coverage: Math.round(thread.coverage * 1000) / 1000 }));
  }

  private coverage(slot: number, queryTerms: string[]): number {
    const threadTerms = new Set(this.termsOfSlot[slot]);
    const shared = queryTerms.filter((token) => threadTerms.has(this.termIds.get(token) ?? -1)).length;
    return queryTerms.length ? shared / queryTerms.length : 0;
  }

  private terms(text: string): string[] {
    return this.normalizer.normalize(text).tokens;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    const capacity = Math.max(size, this.alive.length * 2);
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array as never);
      return next;
    };
    this.lengths = grow(this.lengths, (n) => new Float64Array(n));
    this.solved = grow(this.solved, (n) => new Uint8Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.stalePostings = grow(this.stalePostings, (n) => new Int32Array(n));
    this.scores = grow(this.scores, (n) => new Float64Array(n));
    this.touched = new Int32Array(capacity);
  }
}

function idf(count: number, documentFrequency: number): number {
  return Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
