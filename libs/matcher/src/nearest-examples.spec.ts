import { describe, expect, it } from 'vitest';
import { runAtOnce } from './cooperative.js';
import { NearestExamples } from './nearest-examples.js';

const features = (...words: string[]) => new Map(words.map((word) => [`w:${word}`, 1]));

describe('NearestExamples', () => {
  const examples = [features('backup', 'codes'), features('backup', 'codes', 'print'), features('qr', 'print'), features('billing')];
  const sut = runAtOnce(NearestExamples.build(examples, [0, 0, 1, 2], 3));

  it('gives the cosine to the nearest example of each class', () => {
    const similarities = sut.forQuestion(features('backup', 'codes'));
    expect(similarities[0]).toBeCloseTo(1, 9);
    expect(similarities[1]).toBe(0);
    expect(similarities[2]).toBe(0);
    expect(sut.forQuestion(new Map([['c:#qr#', 1]]))).toEqual(new Float64Array(3));
  });

  it('leaves a training example out of its own neighbours', () => {
    const own = sut.forExample(0);
    expect(own[0]).toBeGreaterThan(0);
    expect(own[0]).toBeLessThan(1);
    expect(sut.forExample(3)).toEqual(new Float64Array(3));
  });
});
