import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { autolinkEnd } from './autolink-end.js';
import { everyString } from './every-string.js';

/** What marked does: its `_backpedal` expression, matched again until the address stops getting shorter. */
function markedEnd(address: string): number {
  const backpedal = Lexer.rules.inline.gfm._backpedal;
  let previous: string;
  let current = address;
  do {
    previous = current;
    current = backpedal.exec(current)?.[0] ?? '';
  } while (current !== previous);
  return current.length;
}

describe('autolinkEnd', () => {
  it("ends every address where marked's rounds end it, for every tail of up to 6 of the characters that decide", () => {
    const tails = [...everyString(['a', '(', ')', '&', ';', '.', '*'], 6)];
    expect(tails.length).toBe(137_257);
    for (const prefix of ['https://x.co', 'www.a']) {
      for (const tail of tails) {
        const address = prefix + tail;
        if (autolinkEnd(address) !== markedEnd(address))
          expect(address.slice(0, autolinkEnd(address))).toBe(address.slice(0, markedEnd(address)));
      }
    }
  });

  it('keeps what GFM keeps and drops what it drops at the end of an address', () => {
    const linked = (address: string) => address.slice(0, autolinkEnd(address));
    expect(linked('https://example.com/a.b?c=d.')).toBe('https://example.com/a.b?c=d');
    expect(linked('https://en.wikipedia.org/wiki/Foo_(bar))).')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(linked('https://example.com/?a=1&amp;')).toBe('https://example.com/?a=1');
    expect(linked('https://example.com/?a=1&b=2')).toBe('https://example.com/?a=1&b=2');
    expect(linked('https://example.com/(open')).toBe('https://example.com/');
    expect(linked(`https://example.com${'*'.repeat(20_000)}`)).toBe('https://example.com');
    expect(linked(`https://example.com/${'&a;'.repeat(6000)}`)).toBe('https://example.com/');
  });
});
