import { Lexer, Marked as MarkedParser, type Marked, type Token } from 'marked';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { everyString } from './every-string.js';
import {
  MarkdownService,
  maxContainers,
  maxDelimiterRun,
  maxEmailLocalPart,
  maxMarkerRuns,
  maxNesting,
  maxTableCells,
} from './markdown.service.js';

/**
 * Everything an attacker could use to run script or leak data through rendered HTML, in its tags: the text between them
 * has every `<` escaped, so a tag written as text (`&lt;svg onload=...&gt;`) is no more than text.
 */
function expectInert(html: string): void {
  const tags = (html.match(/<[^>]*>/g) ?? []).join(' ');
  expect(tags).not.toMatch(/<script/i);
  expect(tags).not.toMatch(/<(iframe|object|embed|svg|math|style|form|base|meta|link|textarea|select|template|noscript)\b/i);
  expect(tags).not.toMatch(/\son[a-z]+\s*=/i);
  expect(tags).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i);
  expect(tags).not.toMatch(/\sstyle\s*=/i);
}

/** Whether a link opens in the HTML while another is open. */
function opensLinkInLink(html: string): boolean {
  let open = 0;
  for (const [, closing] of html.matchAll(/<(\/?)a[\s>]/g)) {
    if (closing) open = Math.max(0, open - 1);
    else if (open++ > 0) return true;
  }
  return false;
}

/**
 * Characters given to the regular expressions `watched` picks while `render` runs: marked's rules read on from where
 * asked. An anchored rule reads what it matches (a character where it fails at once).
 */
function charactersRead(watched: (rule: RegExp) => boolean, render: () => void, { anchored = false } = {}): number {
  let read = 0;
  const exec = RegExp.prototype.exec;
  const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
    const match = exec.call(this, input);
    if (watched(this)) read += anchored ? (match?.[0].length ?? 1) : input.length;
    return match;
  });
  try {
    render();
  } finally {
    spy.mockRestore();
  }
  return read;
}

describe('MarkdownService', () => {
  let sut: MarkdownService;
  beforeEach(() => {
    sut = new MarkdownService();
  });

  it('renders ordinary markdown', () => {
    const html = sut.render('# Title\n\nSome **bold**, _italic_ and `code`.\n\n- one\n- two\n\n```js\nconst x = 1;\n```');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code class="language-js">const x = 1;');
  });

  it('makes an excerpt of the rendered post: one line of its text, cut after a word when longer', () => {
    const html = sut.render('# Lost phone\n\n- Sign in on **another** device & [open settings](https://example.com)\n- Turn 2FA <off>');
    expect(sut.excerpt(html)).toBe('Lost phone Sign in on another device & open settings Turn 2FA <off>');
    const long = sut.excerpt(sut.render(`Start here. ${'Another sentence about codes. '.repeat(20)}`), 60);
    expect(long).toBe('Start here. Another sentence about codes. Another sentence…');
    expect(long.length).toBeLessThanOrEqual(60);
  });

  it('shows a script tag as the text it is, with what it holds', () => {
    const html = sut.render('Hello <script>alert(1)</script> world\n\n<script src="https://evil.test/x.js"></script>');
    expectInert(html);
    expect(html).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>\n&lt;script src="https://evil.test/x.js"&gt;&lt;/script&gt;',
    );
  });

  it('hides nothing an author wrote between two tags it does not allow, whatever their names, and leaves no marker', () => {
    const html = sut.render('a <svg> b\n\nc @grey [link](https://x.example) </noscript> d\n\nintro <math> rest');
    expectInert(html);
    expect(sut.excerpt(html)).toBe('a <svg> b c @grey link </noscript> d intro <math> rest');
    expect(html).toContain('href="/u/grey"');
    expect(html).not.toContain('removed]');
  });

  it('drops event handler attributes', () => {
    const inputs = [
      '<img src="https://x.test/a.png" onerror="alert(1)">',
      '<b onclick="alert(1)">hi</b>',
      '<a href="https://x.test" onmouseover=alert(1)>x</a>',
      '<p ONLOAD="x">p</p>',
    ];
    for (const input of inputs) expectInert(sut.render(input));
  });

  it('refuses javascript:, data: and vbscript: links however they are spelt, leaving their text without an anchor', () => {
    const inputs = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](jav&#x61;script:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](java&Tab;script:alert(1))',
      '<a href="javascript&colon;alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
      '<a href="java\u0000script:alert(1)">x</a>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '[x](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
      '![i](javascript:alert(1))',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    ];
    for (const input of inputs) {
      const html = sut.render(input);
      expectInert(html);
      expect(html).not.toMatch(/(href|src)="[^"]*script:/i);
      expect(html, input).not.toContain('<a');
    }
  });

  it('shows dangerous tags as text, not as tags: iframes, svg, forms, styles, meta and base', () => {
    const html = sut.render(
      '<iframe src="https://evil.test"></iframe><svg onload=alert(1)><circle/></svg><form action="https://evil.test"><input name=x></form><style>body{display:none}</style><meta http-equiv="refresh" content="0;url=https://evil.test"><base href="https://evil.test/">',
    );
    expectInert(html);
    expect(html).toContain('&lt;style&gt;body{display:none}&lt;/style&gt;&lt;meta http-equiv="refresh"');
  });

  it('drops style attributes and unknown attributes', () => {
    const html = sut.render('<p style="position:fixed;top:0" data-x="1" id="login">p</p>');
    expectInert(html);
    expect(html).not.toContain('data-x');
    expect(html).not.toContain('id=');
  });

  it('gives every link rel="ugc nofollow noopener noreferrer", replacing one an author wrote', () => {
    const html = sut.render('[site](https://example.com) and <a href="https://example.org" rel="opener" target="_blank">raw</a>');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="https://example.com">site</a>');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="https://example.org">raw</a>');
    expect(html).not.toContain('rel="opener"');
    expect(html).not.toContain('target=');
  });

  it('keeps http, https, mailto and relative links', () => {
    const html = sut.render('[a](https://a.test/?x=1&y=2) [b](http://b.test) [c](mailto:c@c.test) [d](/threads/1) [e](#top)');
    expect(html).toContain('href="https://a.test/?x=1&amp;y=2"');
    expect(html).toContain('href="http://b.test"');
    expect(html).toContain('href="mailto:c@c.test"');
    expect(html).toContain('href="/threads/1"');
    expect(html).toContain('href="#top"');
  });

  it('shows no image: it links it, saying it is an image and giving its alt text, or its host when there is none', () => {
    const rel = 'rel="ugc nofollow noopener noreferrer"';
    expect(sut.render('![Settings page](https://img.test/a.png?w=1&h=2 "Two-factor settings")')).toBe(
      `<p><a ${rel} href="https://img.test/a.png?w=1&amp;h=2" title="Two-factor settings">Image: Settings page</a></p>\n`,
    );
    expect(sut.render('Read receipt: ![](http://Tracker.test:8080/pixel.gif)')).toBe(
      `<p>Read receipt: <a ${rel} href="http://Tracker.test:8080/pixel.gif">Image from tracker.test</a></p>\n`,
    );
    expect(sut.render('<IMG SRC="https://img.test/b.png" ALT="  raw  " onerror="alert(1)"></img>')).toBe(
      `<p><a ${rel} href="https://img.test/b.png">Image: raw</a></p>\n`,
    );
    expect(sut.render('<img src="https://img.test/c.png" alt="" />')).toBe(
      `<a ${rel} href="https://img.test/c.png">Image from img.test</a>`,
    );
  });

  it('escapes the alt text it links', () => {
    const html = sut.render(
      '![a & b <script>alert(1)</script> "q"](https://img.test/a.png) <img src="https://img.test/b.png" alt=\'"><b>bold</b>\'>',
    );
    expectInert(html);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('>Image: a &amp; b &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;</a>');
    expect(html).toContain('>Image: &quot;&gt;&lt;b&gt;bold&lt;/b&gt;</a>');
  });

  it('links no image from an address other than an absolute http(s) one: its alt text stays, as text', () => {
    for (const input of [
      '![qr](javascript:alert(1))',
      '![qr](JaVa&#x53;cript:alert(1))',
      '![qr](data:image/png;base64,iVBORw0KGgo=)',
      '![qr](vbscript:msgbox(1))',
      '![qr](/graphql?query=x)',
      '![qr](//img.test/a.png)',
      '<img src="java\u0000script:alert(1)" alt="qr">',
    ]) {
      expect(sut.render(input), input).toBe(input.startsWith('<') ? 'qr' : '<p>qr</p>\n');
    }
    expect(sut.render('Before <img src="data:image/svg+xml;base64,PHN2Zz4="> after')).toBe('<p>Before  after</p>\n');
  });

  it("makes an image inside a link part of that link's text: links cannot nest", () => {
    const html = sut.render('[![build passing](https://ci.test/badge.svg)](https://ci.test/runs)');
    expect(html).toBe('<p><a rel="ugc nofollow noopener noreferrer" href="https://ci.test/runs">Image: build passing</a></p>\n');
  });

  it('escapes stray angle brackets people type as text', () => {
    const html = sut.render('Press <Ctrl> and 1 < 2 > 0');
    expect(html).toContain('&lt;Ctrl&gt;');
    expect(html).not.toContain('<Ctrl>');
  });

  it('does not let attribute values break out of their quotes', () => {
    const html = sut.render(
      '[x](https://a.test/"onmouseover="alert(1)) <img src="https://a.test/x.png" alt=\'"><script>alert(1)</script>\'>',
    );
    expectInert(html);
    expect(html).not.toContain('"onmouseover');
  });

  it('turns @mentions into profile links', () => {
    const html = sut.render('Thanks @grey and @june.p, see @mira_k.');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/grey" class="mention">@grey</a>');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/june.p" class="mention">@june.p</a>,');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/mira_k" class="mention">@mira_k</a>.');
  });

  it('keeps the mention style only on a link to the profile it names', () => {
    for (const fake of [
      '<a href="https://evil.test/u/grey" class="mention">@grey</a>',
      '<a class="mention" href="https://evil.test">@grey</a>',
      '<a href="/u/mallory" class="mention">@grey</a>',
    ]) {
      // The link loses the style, and the @grey it holds is its text, not a mention of its own.
      const html = sut.render(fake);
      expect(html, fake).not.toContain('class="mention"');
      expect(html, fake).toContain('>@grey</a>');
    }
    // With no address it is no link at all.
    expect(sut.render('<a class="mention">@grey</a>')).toBe('<p>@grey</p>\n');
  });

  it('leaves mentions alone in code, e-mail addresses and links', () => {
    expect(sut.render('`@grey`')).toBe('<p><code>@grey</code></p>\n');
    expect(sut.render('    @grey in a block')).not.toContain('/u/');
    expect(sut.render('write to help@example.com')).not.toContain('/u/');
    expect(sut.render('[@grey](https://a.test)')).not.toContain('/u/');
    expect(sut.render('```\n@grey\n```')).not.toContain('/u/');
  });

  it("links no mention inside a link's text, a raw HTML link's included, and does not list it", () => {
    const raw = '<a href="https://example.org">ask @grey</a> or @june';
    expect(sut.render(raw)).toBe(
      '<p><a rel="ugc nofollow noopener noreferrer" href="https://example.org">ask @grey</a> or <a rel="ugc nofollow noopener noreferrer" href="/u/june" class="mention">@june</a></p>\n',
    );
    expect(sut.mentions(raw)).toEqual(['june']);
    for (const text of [
      '<a href="https://example.org"><b>ask @grey</b></a>',
      '<a href="https://example.org">ask\nthe forum @grey</a>',
      '[ask @grey][faq]\n\n[faq]: https://example.org',
      '<https://example.org/@grey>',
    ]) {
      expect(sut.render(text), text).not.toContain('/u/');
      expect(sut.mentions(text), text).toEqual([]);
    }
  });

  it('opens no link inside another, after a raw link marked no longer sees open either, and lists only the mentions shown', () => {
    const rel = 'rel="ugc nofollow noopener noreferrer"';
    // A raw <a> on a line of its own, never closed: what follows is its text, marked's links and mentions included.
    const neverClosed = '<a href="https://example.org">\n\nask @grey, [the faq](https://a.test) or https://b.test';
    expect(sut.render(neverClosed)).toBe(`<a ${rel} href="https://example.org"><p>ask @grey, the faq or https://b.test</p>\n`);
    expect(sut.mentions(neverClosed)).toEqual([]);
    // Raw links nested in one paragraph: the inner one's text stays the outer's; its </a> and a stray one go.
    expect(sut.render('<a href="https://x.test"><a href="https://y.test">inner</a> tail</a></a> @june')).toBe(
      `<p><a ${rel} href="https://x.test">inner tail</a> <a ${rel} href="/u/june" class="mention">@june</a></p>\n`,
    );
    // A table closes the link open before it, as browsers do at a cell, which ignore a </a> in it for a link outside.
    const beforeTable = '<a href="https://x.test">\n\n| h |\n| - |\n| </a> @grey |';
    expect(sut.render(beforeTable)).toContain(`<a ${rel} href="https://x.test"></a><table>`);
    expect(sut.render(beforeTable)).toContain(`<td> <a ${rel} href="/u/grey" class="mention">@grey</a></td>`);
    expect(sut.mentions(beforeTable)).toEqual(['grey']);
    const shapes = [
      ['<a href="https://x.test">\n\n- @grey\n- [z](https://z.test)\n\n</a>\n\n@june', ['june']],
      ['<a href="https://x.test">\n\n> quote @grey https://q.test\n\n</a> @june', ['june']],
      ['<a\nhref="https://x.test">\n\n# @grey', []],
      ['<b><a href="https://x.test">\n\n*@grey*</b> [z](https://z.test)', []],
      ['[x <a href="https://y.test">](https://z.test)\n\n@grey', []],
    ] as const;
    for (const [text, mentioned] of shapes) {
      const html = sut.render(text);
      expect(opensLinkInLink(html), `${text}\n${html}`).toBe(false);
      expect(sut.mentions(text), text).toEqual(mentioned);
      expect(
        [...html.matchAll(/href="\/u\/([^"]*)" class="mention"/g)].map(([, name]) => name),
        text,
      ).toEqual(mentioned);
    }
  });

  it('lists a hand-written link in the form of a mention, which reads as one, and not a fake one', () => {
    expect(sut.mentions('<a class="mention" href="/u/Grey">@Grey</a> and @june, <a class="mention" href="/u/grey">@grey</a>')).toEqual([
      'grey',
      'june',
    ]);
    expect(sut.mentions('<a href="/u/mallory" class="mention">@grey</a> <a href="/u/grey">@grey</a>')).toEqual([]);
  });

  it('lists the mentions it links, lower-cased, once each, in order', () => {
    const text = 'Hi @Grey, `@code` @june.p and @mira_k. Again @grey [@link](https://a.test) https://a.test/@path e@@ash\n\n    @indented';
    expect(sut.mentions(text)).toEqual(['grey', 'june.p', 'mira_k', 'ash']);
    const html = sut.render(text);
    for (const name of ['Grey', 'june.p', 'mira_k', 'ash']) expect(html).toContain(`href="/u/${name}" class="mention"`);
    expect(html.match(/class="mention"/g)).toHaveLength(5);
    expect(sut.mentions('write to help@example.com')).toEqual([]);
  });

  it('links an @ only at the start or after a character that cannot be part of an e-mail address', () => {
    // The last: right after an e-mail address, which marked has linked before it tries for a mention.
    for (const text of ['a@grey', 'say x.@grey', 'a+@grey', 'ab.c@grey today', 'mail a@b.co@grey']) {
      expect(sut.render(text), text).not.toContain('/u/');
      expect(sut.mentions(text), text).toEqual([]);
    }
    for (const text of ['(@grey)', 'e@@grey', '**x**@grey', '`c`@grey', '~@grey', 'a!@grey']) {
      expect(sut.render(text)).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/grey" class="mention">@grey</a>');
    }
    expect(sut.render('[@grey @june](https://a.test) @mira')).toBe(
      '<p><a rel="ugc nofollow noopener noreferrer" href="https://a.test">@grey @june</a> <a rel="ugc nofollow noopener noreferrer" href="/u/mira" class="mention">@mira</a></p>\n',
    );
  });

  it('links an e-mail address of up to 64 characters before the @, and leaves a longer run before an @ as text', () => {
    const address = `${'x'.repeat(maxEmailLocalPart)}@example.com`;
    expect(sut.render(`write to ${address}`)).toContain(`href="mailto:${address}"`);
    // A run of 65 or more is no address: marked linked it, and read a run ending in an @ with no address after it
    // again at each of its characters (this one: about 30 s).
    const long = `${'a.'.repeat(100)}@example.com`;
    expect(sut.render(long)).toBe(`<p>${long}</p>\n`);
    const run = `${'a.'.repeat(100_000)}@ and https://example.com/${'p'.repeat(80)}@x`;
    expect(sut.render(run)).toBe(
      `<p>${'a.'.repeat(100_000)}@ and <a rel="ugc nofollow noopener noreferrer" href="https://example.com/${'p'.repeat(80)}@x">https://example.com/${'p'.repeat(80)}@x</a></p>\n`,
    );
  });

  it('reads each character of a paragraph about once looking for mentions, however many steps marked takes', () => {
    // Characters read by searches for an @ that may start a mention (the search stops at the @ it finds).
    let read = 0;
    const exec = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, input);
      if (this.source.endsWith('@[A-Za-z0-9_]') && !this.source.startsWith('^')) read += (match ? match.index + 2 : input.length) - from;
      return match;
    });
    try {
      for (const body of ['.@'.repeat(5000), 'a@ '.repeat(3000), '@-'.repeat(5000)]) {
        read = 0;
        const html = sut.render(`${body} @grey`);
        expect(html).toContain('href="/u/grey"');
        expect(read).toBeLessThan(2 * body.length);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it("reads a list item's lazy lines without searching the item again for each (marked, as patches/ amends it)", () => {
    // marked asked, before each lazy line, whether the item's text so far held a line break: a text grown line by line,
    // which the engine copies whole to search, so each line cost the length of all the lines before it.
    let searched = 0;
    const includes = String.prototype.includes;
    const spy = vi.spyOn(String.prototype, 'includes').mockImplementation(function (this: string, search: string, position?: number) {
      if (search === '\n') searched += this.length;
      return includes.call(this, search, position);
    });
    try {
      const body = `${'- '.repeat(maxNesting)}${'a\n'.repeat(3000)}`;
      expect(sut.render(body)).toContain('<li>a\na\n');
      expect(searched).toBeLessThan(body.length);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads a list item of many lines about once looking for a setext heading, and still finds one', () => {
    // Characters given to marked's setext-heading rule ("Title" over "==="), which reads on from where it is asked.
    const setext = (rule: RegExp) => rule.source.endsWith('\\n {0,3}(=+|-+)[ \\t]*(?:\\n+|$)');
    for (const body of [
      `- ${'a\n'.repeat(3000)}`,
      `1. ${'a\n'.repeat(3000)}`,
      `- ${'a\n'.repeat(3000)}# h\n===`,
      `> - ${'a\n'.repeat(3000)}`,
    ]) {
      let html = '';
      const read = charactersRead(setext, () => (html = sut.render(body)));
      expect(html).toMatch(/^(?:<blockquote>\n)?<[ou]l>\n<li>a\na\n/);
      expect(read).toBeLessThan(4 * body.length);
    }
    expect(sut.render('- a\n  b\n  ===\n- c')).toBe('<ul>\n<li><h1>a\nb</h1>\n</li>\n<li>c</li>\n</ul>\n');
    expect(sut.render('- a\nb\n\n  ===')).toBe('<ul>\n<li><p>a\nb</p>\n<p>===</p>\n</li>\n</ul>\n');
  });

  it('reads a run of thousands of * or _ once, as the text it is, where marked read it again at each of its characters', () => {
    // Characters marked's rule that opens emphasis reads (anchored: what it matches). A run of 19,000 read again from
    // each of its characters, 180 million, held the event loop 4 s.
    const { emStrongLDelim } = Lexer.rules.inline.gfm;
    for (const delimiter of ['*', '_']) {
      const run = delimiter.repeat(19_000);
      let html = '';
      const read = charactersRead(
        (rule) => rule.source === emStrongLDelim.source,
        () => (html = sut.render(`${run}${delimiter}a${delimiter}a${delimiter}a b`)),
        { anchored: true },
      );
      expect(html).toMatch(new RegExp(`^<p>\\${delimiter}{19001}a`));
      expect(read).toBeLessThan(100);
    }
    // Runs up to maxDelimiterRun open and close emphasis as before.
    expect(sut.render('***both*** and __init__')).toBe('<p><em><strong>both</strong></em> and <strong>init</strong></p>\n');
    const longest = '*'.repeat(maxDelimiterRun);
    expect(sut.render(`${longest}a${longest}`)).toBe(
      `<p>${'<strong>'.repeat(maxDelimiterRun / 2)}a${'</strong>'.repeat(maxDelimiterRun / 2)}</p>\n`,
    );
    expect(sut.render(`*${longest}a${longest}*`)).toBe(`<p>*${longest}a${longest}*</p>\n`);
  });

  it('reads a paragraph about once to end its bare addresses and find its code, however many runs close nothing', () => {
    // Characters given to marked's expressions that read on from where they are asked: the url rule (to the next space
    // at each address) and the trim of a bare address (matched again for each character it drops), and the code span
    // rule and the mask of code and escapes before emphasis (to the end of the paragraph at each backtick run no run of
    // its length closes).
    const { _backpedal, code, anyPunctuationOutsideCode, url } = Lexer.rules.inline.gfm;
    const watched = new Set([_backpedal.source, code.source, anyPunctuationOutsideCode.source]);
    let read = 0;
    const exec = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
      if (watched.has(this.source)) read += input.length - (this.global || this.sticky ? this.lastIndex : 0);
      const match = exec.call(this, input);
      // The url rule is anchored: it reads what it matches (it fails at once where no address starts).
      if (this.source === url.source) read += match?.[0].length ?? 0;
      return match;
    });
    const link = (text: string, href = text) => `<a rel="ugc nofollow noopener noreferrer" href="${href}">${text}</a>`;
    try {
      for (const [body, html] of [
        [`https://example.com${'*'.repeat(19_000)}`, `<p>${link('https://example.com')}${'*'.repeat(19_000)}</p>`],
        [
          `see www.example.com/${'.;'.repeat(9000)} now`,
          `<p>see ${link('www.example.com/', 'http://www.example.com/')}${'.;'.repeat(9000)} now</p>`,
        ],
        [`https://example.com/a${'&b;'.repeat(6000)}`, `<p>${link('https://example.com/a')}${'&b;'.repeat(6000)}</p>`],
        ['(www.a'.repeat(3300), `<p>${`(${link('www.a', 'http://www.a')}`.repeat(3300)}</p>`],
        ['```"\\'.repeat(4000), `<p><code>&quot;\\</code>${'&quot;```'.repeat(3998)}&quot;\\</p>`],
        [`\`a\` *b* ${'\\```'.repeat(6000)}`, ''],
      ]) {
        read = 0;
        const rendered = sut.render(body);
        if (html) expect(rendered).toBe(`${html}\n`);
        else expect(rendered).toMatch(/^<p><code>a<\/code> <em>b<\/em> /);
        expect(read).toBeLessThan(2 * body.length);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('lets marked read a paragraph at most once per marker run the bound lets through, code or not', () => {
    // Characters marked's emphasis rule reads looking for the run that closes each `**` it may open. The bound reads an
    // autolink's backtick as a code span's (`<`**a@b.c>`), so it took the runs after it for code and let them all through.
    const { emStrongRDelimAst } = Lexer.rules.inline.gfm;
    let read = 0;
    const exec = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
      const from = this.lastIndex;
      const match = exec.call(this, input);
      if (this.source === emStrongRDelimAst.source) read += (match ? match.index + match[0].length : input.length) - from;
      return match;
    });
    try {
      const body = `|<${'`**a@b.ca>a'.repeat(1800)}`;
      const html = sut.render(body);
      expect(html).toContain('<code>**a@b.ca&gt;a</code>');
      expect(read).toBeLessThan((maxMarkerRuns + 1) * body.length);
    } finally {
      spy.mockRestore();
    }
  });

  it('bounds the runs of every paragraph marked reads, a line that only looks like a fence (in raw HTML) before it', () => {
    // The bound read lines itself and took a fence line in an HTML block, which opens no fence, for one: it left every
    // run after it alone, and marked paired thousands of them, over a second a render.
    const { emStrongRDelimAst } = Lexer.rules.inline.gfm;
    let read = 0;
    // Replaced by hand: a spy would keep every call's match, and without the bounds they are millions.
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      const from = this.lastIndex;
      const match = exec.call(this, input);
      if (this.source === emStrongRDelimAst.source) read += (match ? match.index + match[0].length : input.length) - from;
      return match;
    };
    try {
      for (const html of ['<div>\n```\n\n', '<!--\n```\n-->\n\n']) {
        read = 0;
        const body = `${html}${'_**~'.repeat(4500)}`;
        expect(sut.render(body)).toMatch(/_\*\*~_\*\*~<\/p>\n$/);
        expect(read).toBeLessThan((maxMarkerRuns + 1) * body.length);
      }
    } finally {
      RegExp.prototype.exec = exec;
    }
    const fenced = `~~~\n${'_**~a'.repeat(100)}\n~~~\n\n*b*`;
    expect(sut.render(fenced)).toBe(`<pre><code>${'_**~a'.repeat(100)}\n</code></pre>\n<p><em>b</em></p>\n`);
  });

  it('opens at most maxContainers block quotes and lists in a post, reading the lines past them as text', () => {
    // marked's quote rule reads on through lazy lines, and its tokenizer lexes the rest again at each line that ends a
    // nested quote or a list: a post of thousands took 190 ms. Counted: what the quote rule matches, and the lines
    // marked joins again to lex.
    const { blockquote } = Lexer.rules.block.gfm;
    let read = 0;
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      const match = exec.call(this, input);
      if (match && this.source === blockquote.source) read += match[0].length;
      return match;
    };
    const join = Array.prototype.join;
    Array.prototype.join = function (this: unknown[], separator?: string) {
      const joined = join.call(this, separator);
      if (separator === '\n') read += joined.length;
      return joined;
    };
    try {
      for (const unit of ['>> q\n|a|\n|-|\n-->\n', '> - a\nb\n', '> >> q\n> |a|\n> |-|\n> -->\n']) {
        read = 0;
        const body = unit.repeat(Math.floor(20000 / unit.length));
        sut.render(body);
        expect(read).toBeLessThan(4 * maxContainers * body.length);
      }
    } finally {
      RegExp.prototype.exec = exec;
      Array.prototype.join = join;
    }
    const html = sut.render('> quoted\n\n- listed\n\n'.repeat(maxContainers));
    expect(html.match(/<blockquote>/g)).toHaveLength(maxContainers / 2);
    expect(html.match(/<ul>/g)).toHaveLength(maxContainers / 2);
    const past = sut.render(`${'> quoted\n\n'.repeat(maxContainers)}> and one more\n\n- or a list`);
    expect(past.match(/<blockquote>/g)).toHaveLength(maxContainers);
    expect(past.endsWith('<p>&gt; and one more</p>\n<p>- or a list</p>\n')).toBe(true);
  });

  it('reads a post about once looking for tables, searches no reference link where none is defined, and finds both', () => {
    // Characters given to marked's table rule, which reads the rows below a header and a delimiter row before it checks
    // the two; and marked's searches for reference links, each of which tries up to 999 brackets from every `[`.
    const { table } = Lexer.rules.block.gfm;
    const { reflinkSearch } = Lexer.rules.inline.gfm;
    let read = 0;
    let referenceSearches = 0;
    const exec = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
      if (this.source === table.source) read += input.length;
      if (this.source === reflinkSearch.source) referenceSearches++;
      return exec.call(this, input);
    });
    try {
      for (const body of ['\n-\n:'.repeat(5000), '\n-\na_'.repeat(4000), 'x\\\n|---|---|\n'.repeat(1500)]) {
        read = 0;
        sut.render(body);
        expect(read).toBeLessThan(2 * body.length);
      }
      sut.render(`\\-->${'\\['.repeat(9000)} *a* [b]`);
      expect(referenceSearches).toBe(0);
      expect(sut.render('[a][b]\n\n[b]: https://example.com')).toContain('href="https://example.com"');
      expect(referenceSearches).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    const plain = new MarkedParser({ gfm: true });
    for (const body of [
      'a | b\n--|:-:\n1 | 2',
      'x\\\n|---|---|\n1 | 2',
      'a | b\n--|--\n1 | 2\n3 | 4\n\nafter',
      '| a |\n| - |\n| 1 |',
      'a\n-\n:',
      'see [the guide][g] and [g]\n\n[g]: https://example.com/guide',
      '[not a reference][none] \\[x]',
    ]) {
      const tags = (html: string) =>
        html.match(/<\/?(?:table|thead|tbody|tr|th|td|a|h2|p)\b[^>]*>/g)?.map((tag) => tag.replace(/ rel="[^"]*"/, ''));
      expect(tags(sut.render(body))).toEqual(tags(plain.parse(body) as string));
    }
  });

  it('makes at most maxTableCells table cells in a post, however many columns its rows are padded to, the rest as text', () => {
    // marked gives every row as many cells as its header: 20,000 characters of one-character rows under a wide header
    // made millions. 100 columns: the header and 99 rows fill the bound.
    const header = `${'|a'.repeat(100)}|\n${'|-'.repeat(100)}|\n`;
    const html = sut.render(`${header}${'x\n'.repeat(1000)}\nafter`);
    expect(html.match(/<t[hd]\b/g)).toHaveLength(maxTableCells);
    expect(html.match(/<tr>/g)).toHaveLength(maxTableCells / 100);
    expect(html).toMatch(/<\/table>\n<p>x\nx\n/);
    expect(html.endsWith('x</p>\n<p>after</p>\n')).toBe(true);
    // The bound is the post's: a table after it reads as text too.
    expect(sut.render(`${header}${'x\n'.repeat(99)}\n| b |\n| - |\n| 1 |`).endsWith('<p>| b |\n| - |\n| 1 |</p>\n')).toBe(true);
    // Past it, no rows are read under a refused header: they were, at every line, each time to the end of the post.
    const tableRule = Lexer.rules.block.gfm.table;
    const refused = `${header}${'x\n'.repeat(99)}\n${'-\n|-|\n'.repeat(2000)}`;
    const read = charactersRead(
      (rule) => rule.source === tableRule.source,
      () => sut.render(refused),
    );
    expect(read).toBeLessThan(3 * refused.length);
    const plain = new MarkedParser({ gfm: true });
    const table = '| a | b |\n|---|:-:|\n| 1 |\n| 2 | 3 | 4 |\n\nafter';
    expect(sut.render(table)).toBe(plain.parse(table));
  });

  it('shows a paragraph past the table bound whole, its lines over delimiter rows included, and lexes it once', () => {
    // Past the bound, a header over its delimiter row is refused and reads as text, joined to the paragraph before it.
    const header = `${'|a'.repeat(100)}|\n${'|-'.repeat(100)}|\n`;
    const rest = 'x\n| b |\n| - |\n'.repeat(2000);
    const body = `${header}${'x\n'.repeat(99)}\n${rest}the end`;
    let lexed = 0;
    const inlineTokens = Lexer.prototype.inlineTokens;
    const spy = vi.spyOn(Lexer.prototype, 'inlineTokens').mockImplementation(function (this: Lexer, source: string, tokens?: Token[]) {
      lexed += source.length;
      return inlineTokens.call(this, source, tokens);
    });
    let html: string;
    try {
      html = sut.render(body);
    } finally {
      spy.mockRestore();
    }
    expect(html.match(/<t[hd]\b/g)).toHaveLength(maxTableCells);
    expect(html.endsWith(`<p>${rest}the end</p>\n`)).toBe(true);
    expect(lexed).toBeLessThan(2 * body.length);
  });

  it('ends paragraphs where marked does before a table, without reading its rows at each line (marked does)', () => {
    // marked's paragraph rule asks its table rule at each line whether a table starts there, and that rule reads every
    // row below: a paragraph line over a header and its delimiter row, by turns, cost length squared (30 ms for 20,000
    // characters, 104 ms for 40,000). Its paragraph rule is never run; ours asks the same question without the rows.
    const { paragraph } = Lexer.rules.block.gfm;
    const paragraphHead = paragraph.source.slice(0, paragraph.source.indexOf('(?!'));
    const run: string[] = [];
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      if (this.source.startsWith(paragraphHead)) run.push(this.source);
      return exec.call(this, input);
    };
    try {
      sut.render('x\\\n|---|---|\n'.repeat(100));
    } finally {
      RegExp.prototype.exec = exec;
    }
    expect(run.length).toBeGreaterThan(0);
    expect(run).not.toContain(paragraph.source);
    const plain = new MarkedParser({ gfm: true });
    const tags = (html: string) => html.match(/<\/?(?:table|thead|tbody|tr|th|td|p|blockquote|ul|li|h2|hr)\b[^>]*>/g)?.join('');
    for (const lines of everyString(['a\n', 'a|b\n', '|-|\n', '-|-\n', '\n', '> q\n', '- i\n'], 5)) {
      expect(tags(sut.render(lines)), JSON.stringify(lines)).toBe(tags(plain.parse(lines) as string));
    }
  });

  it('links the same bare addresses as marked, for every text of 4 pieces that start, end or cut an address', () => {
    // marked's url rule with its own trim, against the service's (BareAddresses): the links each text renders.
    const plain = new MarkedParser({ gfm: true });
    const links = (html: string) =>
      [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => `${href} ${text}`);
    const pieces = ['www.a', 'https://b.c', '(', ')', '&x;', '.', '*', ' ', 'd', '~'];
    let texts = [''];
    for (let size = 0; size < 4; size++) texts = texts.flatMap((text) => pieces.map((piece) => text + piece));
    expect(texts).toHaveLength(10_000);
    for (const text of texts) {
      const want = links(plain.parse(text) as string);
      if (JSON.stringify(links(sut.render(text))) !== JSON.stringify(want)) expect([text, links(sut.render(text))]).toEqual([text, want]);
    }
  });

  it('keeps hostile text around a mention inert', () => {
    const html = sut.render('@<script>alert(1)</script> @"onclick=alert(1) @grey<img src=x onerror=alert(1)>');
    expectInert(html);
    expect(html).toContain('href="/u/grey"');
  });

  it('only allows the mention class on links and language classes on code', () => {
    const html = sut.render('<a href="/x" class="mention evil">x</a><code class="x onload">y</code><code class="language-ts">z</code>');
    expect(html).not.toContain('evil');
    expect(html).not.toContain('class="x onload"');
    expect(html).toContain('<code class="language-ts">z</code>');
  });

  it('renders task lists as disabled checkboxes and nothing else as inputs', () => {
    const html = sut.render('- [x] done\n- [ ] todo\n\n<input type="text" value="x" name="password">');
    expect(html).toContain('<input disabled="" checked="" type="checkbox">');
    expect(html).not.toContain('type="text"');
    expect(html).not.toContain('name=');
  });

  it('drops HTML comments', () => {
    expect(sut.render('a <!-- <script>alert(1)</script> --> b')).not.toContain('<!--');
  });

  it('renders a blockquote bomb with its nesting bounded, the rest as text', () => {
    const html = sut.render(`${'> '.repeat(5000)}deep`);
    expect(html.match(/<blockquote>/g)).toHaveLength(maxNesting);
    expect(html).toContain('deep');
    expect(sut.render(`${'1. '.repeat(3000)}x`).match(/<ol>/g)).toHaveLength(maxNesting);
    // On a list item's own line, indented past its marker: marked ran out of stack, and the post showed as plain text.
    const inItem = sut.render(`-\n    ${'>\t'.repeat(3000)}deep`);
    expect(inItem.match(/<blockquote>/g)).toHaveLength(maxNesting);
    expect(inItem).toMatch(/^<ul>\n<li>/);
    expect(inItem).toContain('deep');
    expect(sut.render('> > two levels')).toBe('<blockquote>\n<blockquote>\n<p>two levels</p>\n</blockquote>\n</blockquote>\n');
  });

  it('renders a quote in a list item that ends in an empty list item, with the line after it', () => {
    // marked 18.2.1 reads such a list again and finds none: it threw, and the post showed as plain text.
    for (const body of ['- a\n  > *\n--', '- a\n  > - \n  --']) {
      expect(sut.render(body), JSON.stringify(body)).toBe(
        '<ul>\n<li>a<blockquote>\n<ul>\n<li></li>\n</ul>\n</blockquote>\n<p>--</p>\n</li>\n</ul>\n',
      );
    }
  });

  it('leaves a thematic break alone however many markers it spaces out, at the top, in a list item and in code', () => {
    // The nesting bound took its markers for list items: ten spaced dashes became lists eight deep.
    const plain = new MarkedParser({ gfm: true });
    for (const body of [
      '- - - - - - - - - -',
      '* * * * * * * * * * *',
      '> - - - - - - - - - -',
      '- a\n\n  - - - - - - - - - -',
      'code:\n\n    - - - - - - - - - - -',
    ]) {
      expect(sut.render(body), JSON.stringify(body)).toBe(plain.parse(body));
    }
  });

  it('falls back to escaped plain text in paragraphs when rendering fails', () => {
    vi.spyOn((sut as unknown as { marked: Marked }).marked, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(sut.render('a <b>bold</b>\nline\n\nnext')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt;<br>line</p>\n<p>next</p>');
  });

  it('cooks a repeated text once, as cook does, and keeps only the last 64 texts', () => {
    const render = vi.spyOn(sut, 'render');
    const answer = 'There are **no** backup codes: save the QR code when you [turn it on](/settings/security).';
    expect(sut.cookRepeated(answer)).toEqual(sut.cook(answer));
    render.mockClear();
    sut.cookRepeated(answer);
    expect(render).not.toHaveBeenCalled();
    for (let text = 0; text < 63; text++) sut.cookRepeated(`text ${text}`);
    sut.cookRepeated(answer); // the latest used again: it stays
    sut.cookRepeated('one more');
    render.mockClear();
    sut.cookRepeated(answer);
    sut.cookRepeated('text 0'); // the oldest: dropped
    expect(render.mock.calls).toEqual([['text 0']]);
  });
});
