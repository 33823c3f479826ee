import { describe, expect, it } from 'vitest';
import { applyPlatt, expectedCalibrationError, fitPlatt, lowestThresholdForPrecision, reliabilityTable, sigmoid } from './calibration.js';

// Outcomes whose true chance of being right is sigmoid(2 * logit(confidence) - 1), laid out deterministically.
function overconfident(): { confidence: number; right: boolean }[] {
  const outcomes: { confidence: number; right: boolean }[] = [];
  for (let step = 1; step < 20; step++) {
    const confidence = step / 20;
    const truth = sigmoid(2 * Math.log(confidence / (1 - confidence)) - 1);
    for (let i = 0; i < 100; i++) outcomes.push({ confidence, right: i < Math.round(truth * 100) });
  }
  return outcomes;
}

describe('calibration', () => {
  it('Platt scaling recovers the distortion, and calibrated outcomes have a small ECE', () => {
    const outcomes = overconfident();
    const scaling = fitPlatt(outcomes);
    expect(scaling.slope).toBeCloseTo(2, 1);
    expect(scaling.intercept).toBeCloseTo(-1, 1);
    const calibrated = outcomes.map((o) => ({ ...o, confidence: applyPlatt(scaling, o.confidence) }));
    expect(expectedCalibrationError(calibrated)).toBeLessThan(expectedCalibrationError(outcomes));
    expect(expectedCalibrationError(calibrated)).toBeLessThan(0.03);
  });

  it('leaves confidences alone when every outcome is right or every one wrong', () => {
    expect(fitPlatt([{ confidence: 0.3, right: true }])).toEqual({ slope: 1, intercept: 0 });
  });

  it('tables the share right per confidence bucket', () => {
    const table = reliabilityTable([
      { confidence: 0.05, right: false },
      { confidence: 0.95, right: true },
      { confidence: 0.91, right: false },
    ]);
    expect(table.map((bucket) => [bucket.low, bucket.count, bucket.shareRight])).toEqual([
      [0, 1, 0],
      [0.9, 2, 0.5],
    ]);
  });

  it('picks the lowest threshold with the precision asked for, else the one with the best precision', () => {
    const outcomes = [
      ...Array.from({ length: 10 }, () => ({ confidence: 0.9, right: true })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.5, right: i < 5 })),
    ];
    expect(lowestThresholdForPrecision(outcomes, 0.95, 5)).toEqual({ threshold: 0.51, reached: true });
    expect(lowestThresholdForPrecision(outcomes, 0.75, 5)).toEqual({ threshold: 0, reached: true });
    expect(lowestThresholdForPrecision(outcomes, 0.95, 15)).toEqual({ threshold: 0, reached: false });
  });

  it('does not trust a precision measured on less than the minimum share of the outcomes', () => {
    const outcomes = [
      ...Array.from({ length: 10 }, () => ({ confidence: 0.9, right: true })),
      ...Array.from({ length: 90 }, (_, i) => ({ confidence: 0.5, right: i < 80 })),
    ];
    expect(lowestThresholdForPrecision(outcomes, 0.95, 5)).toEqual({ threshold: 0.51, reached: true });
    expect(lowestThresholdForPrecision(outcomes, 0.95, 5, 0.3)).toEqual({ threshold: 0, reached: false });
  });
});
