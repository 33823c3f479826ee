import type { Steps } from './cooperative.js';
import type { FeatureKey } from './features.js';

/**
 * TF-IDF cosine of a question to the nearest example of each class, over word features. Fed to the
 * classifier as one feature whose weight all classes share, so a question worded like one example (a staff decision, say)
 * leans towards that example's class even when its words are rare. A training example's own row is
 * left out of its neighbours, so the weights learn how much a neighbour from elsewhere is worth.
 */
export class NearestExamples {
  private constructor(
    private readonly classes: number,
    private readonly idf: Map<string, number>,
    /** feature -> example indices and weights */
    private readonly postings: Map<string, { examples: number[]; weights: number[] }>,
    private readonly labels: Int32Array,
    private readonly vectors: Array<Map<string, number>>,
  ) {
    this.scratch = new Float64Array(labels.length);
  }

  /** Dot products being summed, one per example; left all zero after each use. */
  private readonly scratch: Float64Array;

  /** Indexes the examples in steps (see `runAtOnce`, `runInSlices`). */
  static *build(examples: Array<Map<FeatureKey, number>>, labels: number[], classes: number): Steps<NearestExamples> {
    const documentFrequency = new Map<string, number>();
    const words: string[][] = [];
    for (const features of examples) {
      const list = [...features.keys()].filter(isWordFeature);
      for (const word of list) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
      words.push(list);
      yield;
    }
    // Words in more than one example in 20 say little about which example is nearest, and their long
    // postings would make most pairs candidates (the cost of a rebuild).
    const tooCommon = Math.max(20, examples.length / 20);
    const idf = new Map<string, number>();
    for (const [word, df] of documentFrequency) if (df <= tooCommon) idf.set(word, Math.log(1 + examples.length / df));
    const vectors: Array<Map<string, number>> = [];
    const postings = new Map<string, { examples: number[]; weights: number[] }>();
    for (const [index, list] of words.entries()) {
      const vector = weigh(list, idf);
      for (const [word, weight] of vector) {
        let postingList = postings.get(word);
        if (!postingList) postings.set(word, (postingList = { examples: [], weights: [] }));
        postingList.examples.push(index);
        postingList.weights.push(weight);
      }
      vectors.push(vector);
      yield;
    }
    return new NearestExamples(classes, idf, postings, Int32Array.from(labels), vectors);
  }

  /** Per class, the cosine of training example `index` to the nearest other example of that class. */
  forExample(index: number): Float64Array {
    return this.nearest(this.vectors[index]!, index);
  }

  /** Per class, the cosine of a question's features to the nearest example of that class. */
  forQuestion(features: Map<FeatureKey, number>): Float64Array {
    let norm = 0;
    for (const feature of features.keys()) {
      const weight = isWordFeature(feature) ? this.idf.get(feature) : undefined;
      if (weight !== undefined) norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    const dots = this.scratch;
    const touched: number[] = [];
    if (norm > 0) {
      for (const feature of features.keys()) {
        const idf = isWordFeature(feature) ? this.idf.get(feature) : undefined;
        const list = idf === undefined ? undefined : this.postings.get(feature as string);
        if (!list) continue;
        const weight = idf! / norm;
        for (let k = 0; k < list.examples.length; k++) {
          const example = list.examples[k]!;
          if (dots[example] === 0) touched.push(example);
          dots[example]! += weight * list.weights[k]!;
        }
      }
    }
    return this.best(touched, -1);
  }

  private nearest(vector: Map<string, number>, exclude: number): Float64Array {
    const dots = this.scratch;
    const touched: number[] = [];
    for (const [word, weight] of vector) {
      const list = this.postings.get(word);
      if (!list) continue;
      for (let k = 0; k < list.examples.length; k++) {
        const example = list.examples[k]!;
        if (dots[example] === 0) touched.push(example);
        dots[example]! += weight * list.weights[k]!;
      }
    }
    return this.best(touched, exclude);
  }

  /** Per class, the largest dot product among the touched examples (but `exclude`); resets them to zero. */
  private best(touched: number[], exclude: number): Float64Array {
    const dots = this.scratch;
    const best = new Float64Array(this.classes);
    for (const example of touched) {
      const label = this.labels[example]!;
      if (example !== exclude && dots[example]! > best[label]!) best[label] = dots[example]!;
      dots[example] = 0;
    }
    return best;
  }
}

function isWordFeature(feature: FeatureKey): feature is string {
  return typeof feature === 'string' && (feature.startsWith('w:') || feature.startsWith('b:'));
}

function weigh(words: string[], idf: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const word of words) {
    const weight = idf.get(word);
    if (weight === undefined) continue;
    vector.set(word, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [word, weight] of vector) vector.set(word, weight / norm);
  return vector;
}
