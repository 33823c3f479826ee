import { describe, expect, it } from 'vitest';
import { greaterThanStandIn, lessThanStandIn, markEnd, markStart, restoreAngleBrackets, toSafeSnippet } from './snippet-markup.js';

describe('toSafeSnippet', () => {
  const sut = toSafeSnippet;

  it('escapes the text and marks the matches', () => {
    expect(sut(`<script>alert(1)</script> ${markStart}backup${markEnd} & "codes"`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>backup</mark> &amp; &quot;codes&quot;',
    );
  });

  it('balances stray markers', () => {
    expect(sut(`${markEnd}a ${markStart}b ${markStart}c`)).toBe('a <mark>b c</mark>');
  });

  it('collapses whitespace', () => {
    expect(sut('one\n\n  two')).toBe('one two');
  });
});

describe('restoreAngleBrackets', () => {
  it('turns the stand-ins back into angle brackets, which toSafeSnippet then escapes', () => {
    expect(toSafeSnippet(restoreAngleBrackets(`${lessThanStandIn}b${greaterThanStandIn}bold`))).toBe('&lt;b&gt;bold');
  });
});
