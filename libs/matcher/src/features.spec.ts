import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from './features.js';
import { defaultModelSettings, type ModelSettings } from './model-defaults.js';

describe('FeatureExtractor.for', () => {
  it('keeps its extractor (and the features it remembers) when only a model setting changes', () => {
    const tuned: ModelSettings = { ...defaultModelSettings, l2: 0.001 };
    const first = FeatureExtractor.for(['A title'], tuned);
    const retuned: ModelSettings = { ...defaultModelSettings, l2: 0.01, learnedWeight: 2 };
    expect(FeatureExtractor.for(['A title'], retuned)).toBe(first);
    expect(FeatureExtractor.for(['A title'], { ...defaultModelSettings, characterNgrams: [3] })).not.toBe(first);
  });
});
