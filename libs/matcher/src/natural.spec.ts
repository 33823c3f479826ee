import { describe, expect, it } from 'vitest';
import { editDistance, stem } from './natural.js';

describe('stem', () => {
  it('stems words', () => {
    expect(stem('relational')).toBe('relat');
  });

  it('keeps a token longer than any word as it is, which the stemmer would take time quadratic in its length over', () => {
    const token = `${'ba'.repeat(20)}tional`;
    expect(stem(token)).toBe(token);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions up to the bound, and anything past it as one more', () => {
    expect(editDistance('codse', 'codes', 1)).toBe(1);
    expect(editDistance('authenticatr', 'authenticator', 2)).toBe(1);
    expect(editDistance('recvoery', 'recovery', 2)).toBe(1);
    expect(editDistance('phnoe', 'phone', 1)).toBe(1);
    expect(editDistance('settings', 'setting', 2)).toBe(1);
    // Past the bound: by length, by the letters the two have, or by the distance itself.
    expect(editDistance('settings', 'set', 2)).toBe(3);
    expect(editDistance('sqzvwxkj', 'security', 2)).toBe(3);
    expect(editDistance('abcdef', 'fedcba', 2)).toBe(3);
  });
});
