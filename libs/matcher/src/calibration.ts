/** Platt scaling: P(right) = sigmoid(slope * logit(raw) + intercept). */
export interface PlattScaling {
  slope: number;
  intercept: number;
}

/** One held-out prediction: the raw (or calibrated) confidence and whether it was right. */
export interface ScoredOutcome {
  confidence: number;
  right: boolean;
}

/** One row of a reliability table. */
export interface ReliabilityBucket {
  low: number;
  high: number;
  count: number;
  meanConfidence: number;
  shareRight: number;
}

const epsilon = 1e-6;

export function logit(probability: number): number {
  const p = Math.min(1 - epsilon, Math.max(epsilon, probability));
  return Math.log(p / (1 - p));
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function applyPlatt(scaling: PlattScaling, raw: number): number {
  return sigmoid(scaling.slope * logit(raw) + scaling.intercept);
}

/**
 * Fits Platt scaling on held-out outcomes by Newton's method, with Platt's smoothed targets
 * (so a handful of outcomes cannot push confidences to 0 or 1).
 */
export function fitPlatt(outcomes: ScoredOutcome[]): PlattScaling {
  const positives = outcomes.filter((outcome) => outcome.right).length;
  const negatives = outcomes.length - positives;
  if (positives === 0 || negatives === 0) return { slope: 1, intercept: 0 };
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const xs = outcomes.map((outcome) => logit(outcome.confidence));
  const ts = outcomes.map((outcome) => (outcome.right ? high : low));
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const p = sigmoid(slope * xs[i]! + intercept);
      const d = p - ts[i]!;
      const w = p * (1 - p);
      gA += d * xs[i]!;
      gB += d;
      hAA += w * xs[i]! * xs[i]!;
      hAB += w * xs[i]!;
      hBB += w;
    }
    const determinant = hAA * hBB - hAB * hAB;
    if (Math.abs(determinant) < 1e-12) break;
    const stepA = (hBB * gA - hAB * gB) / determinant;
    const stepB = (hAA * gB - hAB * gA) / determinant;
    slope -= stepA;
    intercept -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-9) break;
  }
  return { slope, intercept };
}

/** Confidence buckets of width 0.1 (empty ones left out) and the share right in each. */
export function reliabilityTable(outcomes: ScoredOutcome[], buckets = 10): ReliabilityBucket[] {
  const table: ReliabilityBucket[] = [];
  for (let b = 0; b < buckets; b++) {
    const low = b / buckets;
    const high = (b + 1) / buckets;
    const inside = outcomes.filter((o) => o.confidence >= low && (o.confidence < high || (b === buckets - 1 && o.confidence <= 1)));
    if (!inside.length) continue;
    table.push({
      low,
      high,
      count: inside.length,
      meanConfidence: inside.reduce((sum, o) => sum + o.confidence, 0) / inside.length,
      shareRight: inside.filter((o) => o.right).length / inside.length,
    });
  }
  return table;
}

/** Expected calibration error: bucket-size-weighted mean gap between confidence and share right. */
export function expectedCalibrationError(outcomes: ScoredOutcome[], buckets = 10): number {
  if (!outcomes.length) return 0;
  return reliabilityTable(outcomes, buckets).reduce(
    (sum, bucket) => sum + (bucket.count / outcomes.length) * Math.abs(bucket.meanConfidence - bucket.shareRight),
    0,
  );
}

/**
 * The lowest threshold (on a 0.01 grid) at which the outcomes at or above it are right at least
 * `precision` of the time, with at least `minimumCount` of them and at least `minimumShare` of all the
 * outcomes. When no threshold reaches that precision, the one with the best precision (the lowest of
 * equals) among those keeping that many, and `reached` is false; 1 when there are fewer outcomes than that.
 */
export function lowestThresholdForPrecision(
  outcomes: ScoredOutcome[],
  precision: number,
  minimumCount = 10,
  minimumShare = 0,
): { threshold: number; reached: boolean } {
  minimumCount = Math.max(minimumCount, Math.ceil(minimumShare * outcomes.length));
  let best = { threshold: 1, precision: -1 };
  for (let step = 0; step <= 100; step++) {
    const threshold = step / 100;
    const kept = outcomes.filter((outcome) => outcome.confidence >= threshold);
    if (kept.length < minimumCount) break;
    const share = kept.filter((outcome) => outcome.right).length / kept.length;
    if (share >= precision) return { threshold, reached: true };
    if (share > best.precision + 1e-9) best = { threshold, precision: share };
  }
  return { threshold: best.threshold, reached: false };
}
