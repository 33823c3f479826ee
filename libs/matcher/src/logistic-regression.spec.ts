import { describe, expect, it } from 'vitest';
import { runAtOnce } from './cooperative.js';
import { LogisticRegression, type LogisticRegressionOptions, type TrainingRow } from './logistic-regression.js';

const row = (features: number[], label: number, weight = 1): TrainingRow => ({
  indices: Int32Array.from(features),
  values: Float64Array.from(features.map(() => 1)),
  label,
  weight,
});

// Feature 0 means class 0, feature 1 class 1, feature 2 class 2; feature 3 is noise on every row.
const rows = [row([0, 3], 0), row([0], 0), row([1, 3], 1), row([1], 1), row([2, 3], 2), row([2], 2)];

const train = (trainingRows: TrainingRow[], classes: number, dimensions: number, options: LogisticRegressionOptions) =>
  runAtOnce(LogisticRegression.train(trainingRows, classes, dimensions, options));

describe('LogisticRegression', () => {
  it('learns which feature means which class, with probabilities that sum to 1', () => {
    const sut = train(rows, 3, 4, { l2: 0.01 });
    for (const label of [0, 1, 2]) {
      const probabilities = sut.probabilities(row([label], label));
      expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
      expect(Math.max(...probabilities)).toBe(probabilities[label]);
      expect(probabilities[label]).toBeGreaterThan(0.8);
    }
    expect(Math.abs(sut.weight(3, 0))).toBeLessThan(Math.abs(sut.weight(0, 0)));
  });

  it('shrinks the weights as the L2 penalty grows', () => {
    const loose = train(rows, 3, 4, { l2: 0.001 });
    const strict = train(rows, 3, 4, { l2: 1 });
    expect(Math.abs(strict.weight(0, 0))).toBeLessThan(Math.abs(loose.weight(0, 0)));
    expect(strict.probabilities(row([0], 0))[0]).toBeLessThan(loose.probabilities(row([0], 0))[0]!);
  });

  it('gives a heavier example more say', () => {
    const conflicting = [row([0], 0, 1), row([0], 1, 4)];
    const sut = train(conflicting, 2, 1, { l2: 0.001 });
    expect(sut.probabilities(row([0], 0))[1]).toBeCloseTo(0.8, 2);
  });

  it('learns one weight for the shared feature, so a class seen once still gains from it', () => {
    // The shared value of a class is high on that class's rows: class 2 has a single row.
    const shared = (label: number) => Float64Array.from([0, 1, 2].map((c) => (c === label ? 1 : 0)));
    const sharedRows = [0, 0, 0, 1, 1, 1, 2].map((label): TrainingRow => ({ ...row([], label), shared: shared(label) }));
    const sut = train(sharedRows, 3, 1, { l2: 0.01, sharedL2: 0.01 });
    expect(sut.sharedWeight).toBeGreaterThan(1);
    const withoutShared = train(sharedRows, 3, 1, { l2: 0.01, sharedL2: 1000 });
    const probabilityOfTwo = (model: LogisticRegression) => model.probabilities({ ...row([], 2), shared: shared(2) })[2]!;
    expect(probabilityOfTwo(sut)).toBeGreaterThan(probabilityOfTwo(withoutShared) + 0.2);
  });

  it('reaches the same optimum from a warm start', () => {
    const cold = train(rows, 3, 4, { l2: 0.01 });
    const warm = train(rows, 3, 4, { l2: 0.01, initial: (feature, label) => cold.weight(feature, label) * 0.9 });
    for (let feature = 0; feature <= 4; feature++) {
      for (let label = 0; label < 3; label++) expect(warm.weight(feature, label)).toBeCloseTo(cold.weight(feature, label), 2);
    }
  });
});
