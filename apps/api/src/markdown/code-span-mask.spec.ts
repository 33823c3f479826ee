import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { CodeSpanMask } from './code-span-mask.js';
import { everyString } from './every-string.js';

/** marked's own callback for the mask: code and escapes become `+`, what emphasis must not pair with. */
const maskCallback = (match: string, openingRun?: string, escaped?: string) =>
  escaped
    ? '+'.repeat(match.length)
    : openingRun
      ? openingRun + match.slice(openingRun.length, -openingRun.length).replace(/`/g, '+') + openingRun
      : match;

describe('CodeSpanMask', () => {
  it("masks every text as marked's expression does, for every text of up to 7 of the characters that decide", () => {
    const marked = Lexer.rules.inline.gfm.anyPunctuationOutsideCode;
    const mask = new CodeSpanMask();
    let texts = 0;
    // A surrogate pair: the expression reads code points, the mask code units.
    for (const text of everyString(['`', '\\', 'a', '*', '\n', '😀'], 7)) {
      texts++;
      const masked = text.replace(mask, maskCallback);
      if (masked !== text.replace(marked, maskCallback)) expect(masked).toBe(text.replace(marked, maskCallback));
    }
    expect(texts).toBe(335_923);
  });

  it('masks a long text of unclosed runs as the expression does, and a replacement string as RegExp does', () => {
    const text = '```"\\'.repeat(4000);
    expect(text.replace(new CodeSpanMask(), maskCallback)).toBe(
      text.replace(Lexer.rules.inline.gfm.anyPunctuationOutsideCode, maskCallback),
    );
    expect('a\\*b `c`'.replace(new CodeSpanMask(), '[$&]')).toBe('a[\\*]b [`c`]');
  });
});
