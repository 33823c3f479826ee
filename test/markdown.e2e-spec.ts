import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxContainers, maxEmphasisRuns } from '../apps/api/src/markdown/markdown.service.js';
import { TestApp } from './support/test-app.js';

const previewQuery = 'query Preview($body: String!) { previewMarkdown(body: $body) }';

describe('previewMarkdown', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  const preview = async (body: string) => (await app.query<{ previewMarkdown: string }>(previewQuery, { body })).previewMarkdown;

  it('renders markdown for anyone, signed in or not, as the post would show it', async () => {
    const html = await preview('Use a **backup code**:\n\n1. Sign in\n2. Choose `Use a backup code`\n\nThanks @grey');
    expect(html).toContain('<strong>backup code</strong>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<code>Use a backup code</code>');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/grey" class="mention">@grey</a>');
  });

  it("links no mention inside a link's text, raw HTML links included: links cannot nest", async () => {
    const html = await preview('<a href="https://example.org">ask @grey</a> or [@mira_k](https://example.org), or @june');
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="https://example.org">ask @grey</a>');
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/june" class="mention">@june</a>');
  });

  it('opens no link inside a raw link marked no longer sees open: what follows is its text', async () => {
    const html = await preview('<a href="https://example.org">\n\nask @grey, [the faq](https://a.test) or https://b.test');
    expect(html).toBe('<a rel="ugc nofollow noopener noreferrer" href="https://example.org"><p>ask @grey, the faq or https://b.test</p>\n');
  });

  it('shows a script tag as text, and drops event handlers and javascript: links', async () => {
    const html = await preview(
      'Hi <script>alert(1)</script>\n\n<img src="https://img.test/a.png" onerror="alert(2)">\n\n[click](javascript:alert(3)) <a href="javascript:alert(4)" onclick="alert(5)">x</a>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="https://img.test/a.png">Image from img.test</a>');
  });

  it('previews an image as the post will show it: a link saying it is an image, no <img> a reader would fetch', async () => {
    const html = await preview('My settings: ![Two-factor & backup](https://img.test/settings.png)');
    expect(html).toBe(
      '<p>My settings: <a rel="ugc nofollow noopener noreferrer" href="https://img.test/settings.png">Image: Two-factor &amp; backup</a></p>\n',
    );
  });

  it('accepts an empty body and the longest allowed one', async () => {
    await expect(preview('')).resolves.toBe('');
    await expect(preview('a'.repeat(20000))).resolves.toContain('<p>');
  });

  it('renders an emphasis bomb with the markers past the bound as text, and keeps code and later paragraphs intact', async () => {
    // marked pairs every opening run with the runs after it: a paragraph of thousands of them held the event loop for seconds.
    const body = `${'*a* '.repeat(maxEmphasisRuns)}\`x*y\` ${'**a_!'.repeat(3900)}\n\nAfter the bomb, **still bold**.`;
    const html = await preview(body);
    expect(html.match(/<em>a<\/em>/g)).toHaveLength(maxEmphasisRuns / 2);
    expect(html).toContain('<code>x*y</code>');
    expect(html).toContain('*a* *a*');
    expect(html).toContain('**a_!**a_!');
    expect(html).toContain('<strong>still bold</strong>');
  });

  it('bounds runs of different markers side by side (`_**~`) as it bounds runs apart, each counted on its own', async () => {
    // They were counted as one run, so marked paired thousands of them: a second of the event loop a preview.
    const html = await preview('_**~'.repeat(5000));
    expect(html.match(/<(?:em|strong|del)>/g)?.length).toBeLessThanOrEqual(maxEmphasisRuns / 2);
    expect(html.endsWith('_**~_**~</p>\n')).toBe(true);
  });

  it('bounds the runs of a paragraph that starts like a fence marked does not open (a backtick in its info string)', async () => {
    // The bound took the line for a fence and left all after it alone; marked reads a paragraph, and paired thousands of
    // runs: a quarter of a second a preview. A fence closes only with its own character, at least as long.
    const html = await preview(`\`\`\`${'-*a**`'.repeat(3300)}`);
    expect(html.match(/<(?:em|strong|del)>/g)?.length).toBeLessThanOrEqual(maxEmphasisRuns / 2);
    const fenced = await preview(`~~~\n${'_**~a'.repeat(20)}\n\`\`\`\`\n~~~~\n*b*`);
    expect(fenced).toBe(`<pre><code>${'_**~a'.repeat(20)}\n\`\`\`\`\n</code></pre>\n<p><em>b</em></p>\n`);
  });

  it('bounds the runs of a paragraph after a fence line that raw HTML holds, which opens no fence', async () => {
    // The bound took the line for a fence and left every run after it alone: over a second a preview.
    const html = await preview(`<div>\n\`\`\`\n\n${'_**~'.repeat(4900)}`);
    expect(html.match(/<(?:em|strong|del)>/g)?.length).toBeLessThanOrEqual(maxEmphasisRuns / 2);
    expect(html.endsWith('_**~_**~</p>\n')).toBe(true);
  });

  it('opens the first block quotes and lists of a post of thousands, and shows the lines past them as text', async () => {
    // marked lexed the rest of the post again at each quote ending in lazy lines: 190 ms a preview.
    const html = await preview('>> q\n|a|\n|-|\n-->\n'.repeat(1100));
    expect(html.match(/<blockquote>/g)?.length).toBeLessThanOrEqual(maxContainers);
    expect(
      html.endsWith(
        '<p>&gt;&gt; q</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>--&gt;</td>\n</tr>\n</tbody></table>\n',
      ),
    ).toBe(true);
  });

  it('renders a paragraph of thousands of @ that start no mention, linking only the real mentions in it', async () => {
    // The mention search read the rest of the paragraph at each of marked's steps: steps x length.
    const noise = (unit: string) => unit.repeat(Math.floor(4500 / unit.length));
    const body = `${noise('.@')} @grey ${noise('a@ ')} x.@june ${noise('@-')} (@mira_k) ${noise('@@ ')}`;
    expect(body.length).toBeLessThanOrEqual(20000);
    const html = await preview(body);
    expect(html.match(/class="mention"/g)).toHaveLength(2);
    expect(html).toContain('<a rel="ugc nofollow noopener noreferrer" href="/u/grey" class="mention">@grey</a>');
    expect(html).toContain('(<a rel="ugc nofollow noopener noreferrer" href="/u/mira_k" class="mention">@mira_k</a>)');
    expect(html).toContain(' x.@june ');
    expect(html.replace(/<[^>]+>/g, '')).toBe(`${body}\n`);
  });

  it('links a bare address followed by thousands of punctuation marks, and leaves thousands of unclosed code runs as text', async () => {
    // Shapes that cost steps x length to render, a third of a second a preview, until marked's address trim and code
    // span search were replaced (the markdown service's spec counts what they read); here, what a preview shows of them.
    const address = await preview(`https://example.com/a${'*'.repeat(19_000)}`);
    expect(address).toMatch(/^<p><a [^>]*href="https:\/\/example.com\/a">https:\/\/example.com\/a<\/a>\*{19000}<\/p>\n$/);
    const code = await preview(`\`x\` ${'```"\\'.repeat(3999)}`);
    expect(code.startsWith('<p><code>x</code> <code>&quot;\\</code>&quot;```&quot;```')).toBe(true);
    expect(code.match(/<code>/g)).toHaveLength(2);
  });

  it('refuses a body over 20000 characters with BAD_USER_INPUT naming the field', async () => {
    const result = await app.request(previewQuery, { body: 'a'.repeat(20001) });
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  describe('rate limit', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await TestApp.start();
    });
    afterAll(async () => {
      await limited.stop();
    });

    it('allows 120 previews a minute per IP, then answers RATE_LIMITED', async () => {
      for (let index = 0; index < 120; index++) {
        const result = await limited.request(previewQuery, { body: `draft ${index}` });
        expect(result.errors, `preview ${index}`).toBeUndefined();
      }
      const refused = await limited.request(previewQuery, { body: 'one more' });
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });
  });
});
