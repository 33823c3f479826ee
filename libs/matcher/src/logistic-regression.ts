import type { Steps } from './cooperative.js';

/** A sparse row: feature indices and their values. */
export interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
  /**
   * Optional per-class values of one shared feature: class c's logit gets `shared[c]` times one weight
   * common to all classes, so a class learns from it even when it has a single example.
   */
  shared?: Float64Array;
}

/** One training example of the classifier. */
export interface TrainingRow extends SparseRow {
  label: number;
  /** Weight in the loss (1 by default). */
  weight: number;
}

/** Hyperparameters of {@link LogisticRegression.train}. */
export interface LogisticRegressionOptions {
  /** L2 penalty on the weights (not on the biases), per unit of example weight. */
  l2: number;
  /** L2 penalty on the shared weight (see `SparseRow.shared`); defaults to `l2`. */
  sharedL2?: number;
  /** Most L-BFGS iterations. Default 200. */
  maxIterations?: number;
  /** Stop when the largest gradient entry is below this. Default 1e-4. */
  tolerance?: number;
  /** Starting weights (see `weight`): a previous model's, so a small change converges in a few steps. */
  initial?: (feature: number, label: number) => number;
  /** Starting weight of the shared feature (see `sharedWeight`). */
  initialShared?: number;
}

const historySize = 8;
/** Rows handled between two places a training run in slices may pause (a fraction of a millisecond). */
const rowsPerStep = 100;

/**
 * Multinomial logistic regression with an L2 penalty, fitted by full-batch L-BFGS over sparse rows.
 * Weights are stored class-major per feature: `weights[feature * classes + class]`.
 */
export class LogisticRegression {
  private constructor(
    readonly classes: number,
    readonly dimensions: number,
    private readonly weights: Float64Array,
  ) {}

  /** Fits the model in steps (see `runAtOnce`, `runInSlices`); `dimensions` is the number of feature indices. */
  static *train(rows: TrainingRow[], classes: number, dimensions: number, options: LogisticRegressionOptions): Steps<LogisticRegression> {
    const size = (dimensions + 1) * classes + 1; // the last "feature" is the bias, then the shared weight
    const objective = yield* Objective.pack(rows, classes, dimensions, options.l2, options.sharedL2 ?? options.l2);
    const start = new Float64Array(size);
    if (options.initial) {
      for (let feature = 0; feature <= dimensions; feature++) {
        for (let label = 0; label < classes; label++) start[feature * classes + label] = options.initial(feature, label);
        if (feature % 1000 === 0) yield;
      }
    }
    start[size - 1] = options.initialShared ?? 0;
    const weights = yield* minimize(objective, start, options.maxIterations ?? 200, options.tolerance ?? 1e-4);
    return new LogisticRegression(classes, dimensions, weights);
  }

  /** Class probabilities of one row. */
  probabilities(row: SparseRow): Float64Array {
    const logits = new Float64Array(this.classes);
    const { classes, weights } = this;
    const biasOffset = this.dimensions * classes;
    const shared = this.sharedWeight;
    for (let c = 0; c < classes; c++) logits[c] = weights[biasOffset + c]! + (row.shared ? shared * row.shared[c]! : 0);
    for (let k = 0; k < row.indices.length; k++) {
      const offset = row.indices[k]! * classes;
      const value = row.values[k]!;
      for (let c = 0; c < classes; c++) logits[c]! += value * weights[offset + c]!;
    }
    return softmaxInPlace(logits);
  }

  /** Weight of one feature for one class; feature `dimensions` is the bias. */
  weight(feature: number, label: number): number {
    return this.weights[feature * this.classes + label]!;
  }

  /** The weight of the shared feature (see `SparseRow.shared`). */
  get sharedWeight(): number {
    return this.weights[this.weights.length - 1]!;
  }
}

/** The training loss over all rows, packed as one compressed sparse row matrix for speed. */
class Objective {
  private readonly logits: Float64Array;

  private constructor(
    private readonly rowStarts: Int32Array,
    private readonly indices: Int32Array,
    private readonly values: Float64Array,
    private readonly labels: Int32Array,
    private readonly scales: Float64Array,
    private readonly shared: Float64Array,
    private readonly classes: number,
    private readonly dimensions: number,
    private readonly l2: number,
    private readonly sharedL2: number,
  ) {
    this.logits = new Float64Array(classes);
  }

  static *pack(rows: TrainingRow[], classes: number, dimensions: number, l2: number, sharedL2: number): Steps<Objective> {
    const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0) || 1;
    const nonZeros = rows.reduce((sum, row) => sum + row.indices.length, 0);
    const rowStarts = new Int32Array(rows.length + 1);
    const indices = new Int32Array(nonZeros);
    const values = new Float64Array(nonZeros);
    const labels = new Int32Array(rows.length);
    const scales = new Float64Array(rows.length);
    const shared = new Float64Array(rows.length * classes);
    let at = 0;
    for (const [r, row] of rows.entries()) {
      indices.set(row.indices, at);
      values.set(row.values, at);
      at += row.indices.length;
      rowStarts[r + 1] = at;
      labels[r] = row.label;
      scales[r] = row.weight / totalWeight;
      if (row.shared) shared.set(row.shared, r * classes);
      if (r % rowsPerStep === 0) yield;
    }
    return new Objective(rowStarts, indices, values, labels, scales, shared, classes, dimensions, l2, sharedL2);
  }

  /** Loss at `x`; writes the gradient into `gradient`. */
  *evaluate(x: Float64Array, gradient: Float64Array): Steps<number> {
    const biasOffset = this.dimensions * this.classes;
    const sharedIndex = x.length - 1;
    const sharedWeight = x[sharedIndex]!;
    gradient.fill(0);
    let loss = 0;
    for (let from = 0; from < this.labels.length; from += rowsPerStep) {
      loss = this.addRows(x, gradient, loss, from, Math.min(from + rowsPerStep, this.labels.length));
      yield;
    }
    let penalty = 0;
    for (let i = 0; i < biasOffset; i++) {
      penalty += x[i]! * x[i]!;
      gradient[i]! += this.l2 * x[i]!;
    }
    gradient[sharedIndex]! += this.sharedL2 * sharedWeight;
    return loss + (this.l2 / 2) * penalty + (this.sharedL2 / 2) * sharedWeight * sharedWeight;
  }

  /** Adds rows [from, to) to `loss` (returned, summed in row order) and to `gradient`. */
  private addRows(x: Float64Array, gradient: Float64Array, loss: number, from: number, to: number): number {
    const { classes, dimensions, logits, indices, values, rowStarts, labels, scales, shared } = this;
    const biasOffset = dimensions * classes;
    const sharedIndex = x.length - 1;
    const sharedWeight = x[sharedIndex]!;
    for (let r = from; r < to; r++) {
      const start = rowStarts[r]!;
      const end = rowStarts[r + 1]!;
      const sharedOffset = r * classes;
      for (let c = 0; c < classes; c++) logits[c] = x[biasOffset + c]! + sharedWeight * shared[sharedOffset + c]!;
      for (let k = start; k < end; k++) {
        const offset = indices[k]! * classes;
        const value = values[k]!;
        for (let c = 0; c < classes; c++) logits[c]! += value * x[offset + c]!;
      }
      let max = -Infinity;
      for (let c = 0; c < classes; c++) if (logits[c]! > max) max = logits[c]!;
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(logits[c]! - max);
      const logSum = max + Math.log(sum);
      const scale = scales[r]!;
      const label = labels[r]!;
      loss += scale * (logSum - logits[label]!);
      for (let c = 0; c < classes; c++) {
        logits[c] = scale * (Math.exp(logits[c]! - logSum) - (c === label ? 1 : 0));
        gradient[biasOffset + c]! += logits[c]!;
        gradient[sharedIndex]! += logits[c]! * shared[sharedOffset + c]!;
      }
      for (let k = start; k < end; k++) {
        const offset = indices[k]! * classes;
        const value = values[k]!;
        for (let c = 0; c < classes; c++) gradient[offset + c]! += value * logits[c]!;
      }
    }
    return loss;
  }
}

/** L-BFGS with a backtracking (Armijo) line search. */
function* minimize(objective: Objective, start: Float64Array, maxIterations: number, tolerance: number): Steps<Float64Array> {
  const n = start.length;
  let x: Float64Array = start;
  let gradient: Float64Array = new Float64Array(n);
  let loss = yield* objective.evaluate(x, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(historySize);
  let nextX: Float64Array = new Float64Array(n);
  let nextGradient: Float64Array = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < tolerance) break;
    // two-loop recursion: direction = -H * gradient
    direction.set(gradient);
    for (let i = steps.length - 1; i >= 0; i--) {
      alphas[i] = rhos[i]! * dot(steps[i]!, direction);
      axpy(-alphas[i]!, changes[i]!, direction);
      yield;
    }
    if (steps.length) {
      const last = steps.length - 1;
      scale(direction, dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!));
    } else {
      scale(direction, 1 / Math.max(1, Math.sqrt(dot(gradient, gradient))));
    }
    for (let i = 0; i < steps.length; i++) {
      const beta = rhos[i]! * dot(changes[i]!, direction);
      axpy(alphas[i]! - beta, steps[i]!, direction);
      yield;
    }
    scale(direction, -1);
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      steps.length = changes.length = rhos.length = 0;
      direction.set(gradient);
      scale(direction, -1 / Math.max(1, Math.sqrt(dot(gradient, gradient))));
      slope = dot(gradient, direction);
    }
    let step = 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i]! + step * direction[i]!;
      nextLoss = yield* objective.evaluate(nextX, nextGradient);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i]! - x[i]!;
      y[i] = nextGradient[i]! - gradient[i]!;
    }
    const curvature = dot(s, y);
    if (curvature > 1e-12) {
      if (steps.length === historySize) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
      steps.push(s);
      changes.push(y);
      rhos.push(1 / curvature);
    }
    const converged = loss - nextLoss < 1e-9 * Math.max(1, Math.abs(loss));
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    loss = nextLoss;
    if (converged) break;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += alpha * x[i]!;
}

function scale(x: Float64Array, factor: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= factor;
}

function maxAbs(x: Float64Array): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]!));
  return max;
}

function softmaxInPlace<T extends Float64Array>(logits: T): T {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
  return logits;
}
