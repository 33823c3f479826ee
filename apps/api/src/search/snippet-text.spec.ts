import { describe, expect, it } from 'vitest';
import { MarkdownService } from '../markdown/markdown.service.js';
import { isPlainProse, tidySnippetText } from './snippet-text.js';

const hit = (word: string) => `\uE000${word}\uE001`;
const markdown = new MarkdownService();
const sut = (fragment: string) => tidySnippetText(markdown.renderText(fragment));

describe('a snippet as the reader sees it', () => {
  it('drops markdown syntax and keeps the highlight markers', () => {
    expect(sut(`When you set it up, **print or save the ${hit('QR')} code itself**, and keep it.`)).toBe(
      `When you set it up, print or save the ${hit('QR')} code itself, and keep it.`,
    );
    expect(sut(`- **Save** the ${hit('QR')} code\n- Scan it into [a second app](https://example.com)`)).toBe(
      `Save the ${hit('QR')} code Scan it into a second app`,
    );
    expect(sut('# Heading\n\n1. one `code & more`\n2. two &amp; three')).toBe('Heading one code & more two & three');
  });

  it('drops emphasis markers cut in two by the fragment', () => {
    expect(sut(`…print or save the ${hit('QR')} code itself**, then`)).toBe(`…print or save the ${hit('QR')} code itself, then`);
    expect(sut(`**Keep a copy of your ${hit('authenticator')}`)).toBe(`Keep a copy of your ${hit('authenticator')}`);
    expect(sut(`Open ${hit('settings')} and \`the security`)).toBe(`Open ${hit('settings')} and the security`);
  });

  it('keeps what the post shows as text: escaped tags, asterisks inside words', () => {
    expect(sut('snake_case_name and 2 * 3')).toBe('snake_case_name and 2 * 3');
    expect(sut('If 5 < 6 & 7 > 2, <script>alert(1)</script> <b>bold</b> text')).toBe(
      'If 5 < 6 & 7 > 2, <script>alert(1)</script> bold text',
    );
  });

  it('takes as plain prose only fragments that render to their own text', () => {
    const prose = [
      `My ${hit('authenticator')} app asks for a code, again (since Tuesday)… What now?`,
      `Ask @grey or mail grey@example.com; see https://example.com/help?x=1 for ${hit('QR')} codes.`,
      `    An indented line: 5 - 3 = two, isn't it "fine"?`,
      'sign-in, 2FA + backups, 100% done!',
    ];
    for (const fragment of prose) {
      expect(isPlainProse(fragment), fragment).toBe(true);
      expect(tidySnippetText(fragment), fragment).toBe(sut(fragment));
    }
    const notProse = [
      '- item',
      '1. first',
      '2) second',
      '**bold**',
      'a_b_c',
      '`code`',
      '[link](x)',
      '# title',
      'a &amp; b',
      '<b>x</b>',
      'a\nb',
      '> quote',
      'one\ntwo',
      '~~gone~~',
      'x | y',
    ];
    for (const fragment of notProse) expect(isPlainProse(fragment), fragment).toBe(false);
  });
});
