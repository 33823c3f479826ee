import { describe, expect, it } from 'vitest';
import { extractMentions, maxMentionsPerPost } from './mentions.js';

describe('extractMentions', () => {
  const sut = extractMentions;

  it('finds @names, lower-cased and deduplicated, in order', () => {
    expect(sut('Thanks @Grey and @ajh0912, and @grey again')).toEqual([
      { name: 'grey', trimmed: 'grey' },
      { name: 'ajh0912', trimmed: 'ajh0912' },
    ]);
  });

  it('offers the name without the full stop that ends a sentence', () => {
    expect(sut('Ask @alice.')).toEqual([{ name: 'alice.', trimmed: 'alice' }]);
  });

  it('ignores e-mail addresses, names shorter than 3 characters and code', () => {
    expect(sut('Write to support@1password.com, not @ab here. `@inline` and\n```\n@fenced\n```\n@real')).toEqual([
      { name: 'real', trimmed: 'real' },
    ]);
  });

  it(`stops after ${maxMentionsPerPost} people`, () => {
    const body = Array.from({ length: 15 }, (_, index) => `@user${index}`).join(' ');
    expect(sut(body)).toHaveLength(maxMentionsPerPost);
  });
});
