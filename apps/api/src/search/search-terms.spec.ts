import { describe, expect, it } from 'vitest';
import { ftsMatchExpression, searchTerms, tsQueryExpression } from './search-terms.js';

describe('searchTerms', () => {
  it('keeps only words, lower-cased', () => {
    const sut = searchTerms;
    expect(sut('Backup "codes" (2FA) -recovery: NEAR/3 RESET*')).toEqual(['backup', 'codes', '2fa', 'recovery', 'near', '3', 'reset']);
  });

  it("leaves out PostgreSQL's English stop words, and has no terms for a query of nothing else", () => {
    expect(searchTerms("Where are MY backup codes? I don't have them")).toEqual(['backup', 'codes']);
    expect(searchTerms('how do I')).toEqual([]);
  });

  it('keeps sixteen terms, counted without the stop words', () => {
    const words = Array.from({ length: 20 }, (_, index) => `word${index}`);
    expect(searchTerms(words.join(' the '))).toEqual(words.slice(0, 16));
  });

  it('returns no terms for punctuation only', () => {
    expect(searchTerms('"*()-:^')).toEqual([]);
  });

  it('keeps letters outside ASCII', () => {
    expect(searchTerms('Sicherheitsschlüssel café')).toEqual(['sicherheitsschlüssel', 'café']);
  });

  it('reads a stop word with marks as the engines do, without them, and leaves out a term of marks only', () => {
    expect(searchTerms('a\u0301\u0301 a\u0488 \u0488 codes')).toEqual(['codes']);
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every term and makes the last a prefix', () => {
    expect(ftsMatchExpression(['near', 'or', 'cod'])).toBe('"near" "or" "cod"*');
  });

  it('matches a last term of one character as a word, not as a prefix of every word with that initial', () => {
    expect(ftsMatchExpression(['backup', 'c'])).toBe('"backup" "c"');
    expect(ftsMatchExpression(['a'])).toBe('"a"');
    expect(ftsMatchExpression(['co'])).toBe('"co"*');
    // One letter with marks the engine drops or splits the word at: still one letter.
    expect(ftsMatchExpression(['b\u0488'])).toBe('"b\u0488"');
    expect(ftsMatchExpression(['b\u0903'])).toBe('"b\u0903"');
    expect(ftsMatchExpression(['\u00e9\u0301'])).toBe('"\u00e9\u0301"');
    expect(ftsMatchExpression(['caf\u00e9'])).toBe('"caf\u00e9"*');
  });

  it('asks for any one term, for what a highlight marks', () => {
    expect(ftsMatchExpression(['near', 'or', 'cod'], 'any')).toBe('"near" OR "or" OR "cod"*');
  });
});

describe('tsQueryExpression', () => {
  it('joins quoted lexemes with AND and makes the last a prefix', () => {
    expect(tsQueryExpression(['backup', 'cod'])).toBe("'backup' & 'cod':*");
  });

  it('matches a last term of one character as a lexeme, not as a prefix', () => {
    expect(tsQueryExpression(['backup', 'c'])).toBe("'backup' & 'c'");
    expect(tsQueryExpression(['backup', 'c\u0488'])).toBe("'backup' & 'c\u0488'");
  });

  it('joins them with OR for any one term', () => {
    expect(tsQueryExpression(['backup', 'cod'], 'any')).toBe("'backup' | 'cod':*");
  });
});
