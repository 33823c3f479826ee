/** A sparse feature vector: feature -> weight, L2-normalized. */
export type SparseVector = Map<string, number>;

/** Labelled example texts, already turned into feature lists. */
export interface IntentClass {
  label: string;
  examples: string[][];
}

/** Similarity of a question to one class. */
export interface IntentScore {
  label: string;
  /** Cosine to the class centroid. */
  centroid: number;
  /** Weighted mean cosine of the nearest examples of the class (the nearest counts most). */
  nearest: number;
  /** Cosine of the single nearest example. */
  top: number;
  /** Blend of the two, in [0, 1]. */
  score: number;
}

const nearestWeights = [0.5, 0.3, 0.2];

/**
 * TF-IDF intent model over example questions: nearest examples (so one new staff-confirmed
 * example changes the next match) blended with class centroids (so many examples vote together).
 * Building is linear in the total number of features.
 */
export class IntentModel {
  private constructor(
    private readonly labels: string[],
    private readonly idf: Map<string, number>,
    private readonly defaultIdf: number,
    private readonly centroids: SparseVector[],
    /** feature -> postings of [example index, weight] */
    private readonly postings: Map<string, Array<[number, number]>>,
    private readonly exampleClass: Int32Array,
  ) {}

  /** Trains from the classes' examples (feature lists, see `features`). */
  static build(classes: IntentClass[]): IntentModel {
    const documentFrequency = new Map<string, number>();
    let documents = 0;
    for (const intent of classes) {
      for (const example of intent.examples) {
        documents++;
        for (const feature of new Set(example)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
      }
    }
    const idf = new Map<string, number>();
    for (const [feature, df] of documentFrequency) idf.set(feature, Math.log(1 + documents / df));
    const defaultIdf = Math.log(1 + documents);

    const postings = new Map<string, Array<[number, number]>>();
    const exampleClass: number[] = [];
    const centroids: SparseVector[] = [];
    classes.forEach((intent, classIndex) => {
      const centroid: SparseVector = new Map();
      for (const example of intent.examples) {
        const vector = weigh(example, idf, defaultIdf);
        const index = exampleClass.length;
        exampleClass.push(classIndex);
        for (const [feature, weight] of vector) {
          let list = postings.get(feature);
          if (!list) postings.set(feature, (list = []));
          list.push([index, weight]);
          centroid.set(feature, (centroid.get(feature) ?? 0) + weight);
        }
      }
      centroids.push(normalize(centroid));
    });
    return new IntentModel(
      classes.map((intent) => intent.label),
      idf,
      defaultIdf,
      centroids,
      postings,
      Int32Array.from(exampleClass),
    );
  }

  /** Scores a question (a feature list) against every class. */
  score(features: string[]): IntentScore[] {
    const query = weigh(features, this.idf, this.defaultIdf, true);
    const dots = new Map<number, number>();
    for (const [feature, weight] of query) {
      const list = this.postings.get(feature);
      if (!list) continue;
      for (const [index, exampleWeight] of list) dots.set(index, (dots.get(index) ?? 0) + weight * exampleWeight);
    }
    const perClass: number[][] = this.labels.map(() => []);
    for (const [index, dot] of dots) perClass[this.exampleClass[index]!]!.push(dot);
    return this.labels.map((label, classIndex) => {
      const centroid = dot(query, this.centroids[classIndex]!);
      const top = perClass[classIndex]!.sort((a, b) => b - a).slice(0, nearestWeights.length);
      const nearest = top.reduce((sum, value, rank) => sum + value * nearestWeights[rank]!, 0);
      return { label, centroid, nearest, top: top[0] ?? 0, score: 0.4 * centroid + 0.6 * nearest };
    });
  }

  /** Features of the query that the model knows, highest weight first (for explanations). */
  knownFeatures(features: string[]): string[] {
    return [...new Set(features)]
      .filter((feature) => this.idf.has(feature) && !feature.startsWith('__') && !feature.includes(' '))
      .sort((a, b) => this.idf.get(b)! - this.idf.get(a)!);
  }
}

function weigh(features: string[], idf: Map<string, number>, defaultIdf: number, query = false): SparseVector {
  const counts = new Map<string, number>();
  for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vector: SparseVector = new Map();
  for (const [feature, count] of counts) {
    // Unknown query words still count in the norm (at half weight), so a long post that shares one
    // word with an example is not as similar as a short one; they match nothing anyway.
    const weight = idf.get(feature) ?? (query ? defaultIdf / 2 : defaultIdf);
    vector.set(feature, (1 + Math.log(count)) * weight * (feature.startsWith('__') ? 1.5 : 1));
  }
  return normalize(vector);
}

function normalize(vector: SparseVector): SparseVector {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [feature, weight] of vector) vector.set(feature, weight / norm);
  return vector;
}

function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [feature, weight] of small) sum += weight * (large.get(feature) ?? 0);
  return sum;
}
