/** A canonical answer the bot can suggest, with example questions it was taught. */
export interface CanonicalAnswerDocument {
  slug: string;
  title: string;
  /** Markdown, in the staff's voice. */
  body: string;
  /** Example questions this answer fits, written for the bot (built in or added by staff). */
  examples: string[];
  /**
   * Real questions staff confirmed or corrected to this answer: weighed by `ModelSettings.learnedWeight`,
   * and kept out of the nearest-example feature (see `Matcher.build`).
   */
  learnedExamples?: string[];
}

/** A forum thread, as the similar-thread index sees it. */
export interface ThreadDocument {
  id: string;
  title: string;
  body: string;
  solved: boolean;
}

/** A question to match; title and body are both optional. */
export interface MatchInput {
  title?: string;
  body?: string;
}

/** One candidate answer and how sure the matcher is of it. */
export interface RankedAnswer {
  slug: string;
  /** In [0, 1]. */
  confidence: number;
}

/** A question the bot asks the asker when two answers fit equally. */
export interface Clarification {
  question: string;
  choices: [{ slug: string; label: string }, { slug: string; label: string }];
}

/** The clarifying question offered when the likeliest answer is one of its two choices, and how sure the matcher is that one of them is right. */
export interface UnsureClarification extends Clarification {
  /** Calibrated chance that one of the two choices is right (they exclude each other: calibrated from the sum of their probabilities). */
  confidence: number;
}

/** What the matcher made of one question. */
export interface MatchResult {
  /** The most likely answer's slug; null when clarifying or when there are no answers. `decide` applies the thresholds. */
  answer: string | null;
  /**
   * In [0, 1], calibrated on held-out questions so it reads as the probability that `answer` is right
   * (when clarifying: that one of the two choices is).
   */
  confidence: number;
  /** Up to 3 ranked candidates (the answer itself first when there is one). */
  alternatives: RankedAnswer[];
  /** Set when the asker must say whether a device is still signed in; `answer` is then null. */
  clarify: Clarification | null;
  /**
   * The same question when the likeliest answer is one of the two for a lost authenticator (still signed in
   * somewhere, or not): `decide` asks it when the calibrated chance that one of the two is right clears the public
   * threshold and the top answer's alone does not. Null otherwise, and whenever `clarify` is set.
   */
  clarifyIfUnsure: UnsureClarification | null;
  /** The words that weighed most for the answer and the state signals found, e.g. "signed in nowhere: ...". */
  explanation: { terms: string[]; signals: string[] };
}

/** A thread similar to a question. */
export interface SimilarThread {
  id: string;
  /** Similarity in [0, 1]. */
  score: number;
  /**
   * Share of the question's distinct words (known to the index or not) that the thread contains, in [0, 1]. Unlike
   * `score` it does not grow when the only shared word is rare: an off-topic question sharing one word stays low.
   */
  coverage: number;
  solved: boolean;
}
