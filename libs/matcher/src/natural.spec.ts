import { describe, expect, it } from 'vitest';
import { stem } from './natural.js';

describe('stem', () => {
  it('stems words', () => {
    expect(stem('relational')).toBe('relat');
  });

  it('keeps a token longer than any word as it is, which the stemmer would take time quadratic in its length over', () => {
    const token = `${'ba'.repeat(20)}tional`;
    expect(stem(token)).toBe(token);
  });
});
