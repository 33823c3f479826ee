import { Injectable, Logger } from '@nestjs/common';
import {
  Lexer,
  Marked,
  Tokenizer,
  type MarkedOptions,
  type Rules,
  type Token,
  type TokenizerAndRendererExtension,
  type Tokens,
  type TokensList,
} from 'marked';
import { FilterXSS, type IWhiteList } from 'xss';
import { BareAddresses } from './autolink-end.js';
import { CodeSpanMask, WholeRuns } from './code-span-mask.js';

/** `@name` with the characters usernames may use ([A-Za-z0-9_.-]); a trailing `.` or `-` ends the sentence, not the name. */
const mentionPattern = /^@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,30}[A-Za-z0-9_])?)(?![A-Za-z0-9_]|[.-][A-Za-z0-9_])/;

/** Where a mention may begin: an @ at the start or after a character that cannot be part of an e-mail address. */
const mentionStart = /(?<![A-Za-z0-9_.+-])@[A-Za-z0-9_]/g;

/** What every mention contains, wherever it stands. */
const mightMention = /@[A-Za-z0-9_]/;

function firstMentionStart(text: string, from = 0): number | undefined {
  mentionStart.lastIndex = from;
  return mentionStart.exec(text)?.index;
}

/**
 * Where `rest`, which marked passes as the end of a source it is lexing, starts in `source`; -1 when it is not that
 * source's end after all (the per-source state then answers for `rest` alone).
 */
function offsetOfRest(source: string, rest: string): number {
  const at = source.length - rest.length;
  return at >= 0 && source.charCodeAt(at) === rest.charCodeAt(0) ? at : -1;
}

/**
 * The mention starts of one inline source, found by a cursor that only moves forward. marked asks the extension's
 * start() for the next one at every step through plain text, passing the rest of the source: searching that rest
 * afresh each time cost steps x length, seconds for a paragraph of many steps and no mention (`.@` repeated).
 */
class MentionStarts {
  private searchedFrom = -1;
  private found: number | undefined;

  constructor(private readonly source: string) {}

  /** The index in `rest`, the end of the source, of the first mention start in it. */
  in(rest: string): number | undefined {
    const at = offsetOfRest(this.source, rest);
    if (at < 0) return firstMentionStart(rest);
    if (at < this.searchedFrom || this.searchedFrom === -1 || (this.found !== undefined && this.found < at)) {
      this.searchedFrom = at;
      this.found = firstMentionStart(this.source, at);
    }
    return this.found === undefined ? undefined : this.found - at;
  }
}

const setextUnderline = / {0,3}(?:=+|-+)[ \t]*(?:\n|$)/y;
/** Characters `.` does not match: marked's setext rule cannot read a paragraph across them. */
const lineBreaking = /[\r\u2028\u2029]/;
/** How marked's setext rule ends a paragraph: `((?:.|\n(?!INTERRUPT))+?)` before its underline. */
const setextParagraphHead = '((?:.|\\n(?!';
const setextParagraphTail = '))+?)\\n {0,3}(=+|-+)[ \\t]*(?:\\n+|$)';
const interruptions = new WeakMap<RegExp, RegExp | null>();

/** The lines that end a paragraph for marked's setext rule, read from the rule itself; null if its shape changed. */
function paragraphInterruption(setextRule: RegExp): RegExp | null {
  let interruption = interruptions.get(setextRule);
  if (interruption === undefined) {
    const source = setextRule.source;
    const head = source.indexOf(setextParagraphHead);
    interruption =
      head >= 0 && source.endsWith(setextParagraphTail)
        ? new RegExp(
            source.slice(head + setextParagraphHead.length, -setextParagraphTail.length),
            `${setextRule.flags.replace(/[gy]/g, '')}y`,
          )
        : null;
    interruptions.set(setextRule, interruption);
  }
  return interruption;
}

/**
 * Where marked's setext-heading rule ("Title" over "===") surely finds nothing in one block source. The rule reads from
 * a line through its paragraph for an underline; in a list item every line is a token of its own, so the rule read the
 * rest of the paragraph again at every line: steps x length, most of a second for one 20000-character list item of
 * short lines. A paragraph read once without an underline before its end has none from any of its lines either.
 */
class SetextMisses {
  private from = -1;
  private until = -1;

  constructor(private readonly source: string) {}

  /** Whether the rule surely matches nothing at `rest`, the end of this source; false leaves it to the rule. */
  at(rest: string, interruption: RegExp): boolean {
    const at = offsetOfRest(this.source, rest);
    if (at < 0) return false;
    if (at >= this.from && at < this.until) return true;
    const source = this.source;
    let lineStart = at;
    for (;;) {
      const newline = source.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? source.length : newline;
      if (lineBreaking.test(source.slice(lineStart, lineEnd))) break;
      if (newline < 0) {
        lineStart = source.length;
        break;
      }
      const next = newline + 1;
      setextUnderline.lastIndex = next;
      // An underline the paragraph may reach: the rule decides.
      if (setextUnderline.test(source)) return false;
      interruption.lastIndex = next;
      if (interruption.test(source)) {
        lineStart = next;
        break;
      }
      lineStart = next;
    }
    this.from = at;
    this.until = lineStart;
    return true;
  }
}

/**
 * Where marked's code span rule surely finds nothing in one inline source. An opening run of n backticks needs a later
 * run of exactly n to close it; learning that there is none, the rule's lazy match read the rest of the source, at
 * every such opening: steps x length, 50 ms for 20,000 characters of three-backtick runs each cut short by an escape.
 * The source's runs are read once.
 */
class CodeSpanMisses {
  private runs: WholeRuns | null = null;

  constructor(private readonly source: string) {}

  /** Whether the rule surely matches nothing at `rest`, the end of this source; false leaves it to the rule. */
  at(rest: string): boolean {
    const at = offsetOfRest(this.source, rest);
    if (at < 0) return false;
    let length = 0;
    while (rest.charCodeAt(length) === backtick) length++;
    if (length === 0) return false;
    this.runs ??= new WholeRuns(this.source);
    return this.runs.after(length, at) < 0;
  }
}

const backtick = 96;

/**
 * marked's lexer for a post: it bounds what would cost marked length squared (emphasis runs per inline source, block
 * quotes and lists per post), and keeps what it learnt of each source it is lexing (inline ones nest: link text,
 * emphasis) so that marked reads it about once: the mention starts, the bare addresses, where setext headings and code
 * spans surely are not.
 */
class PostLexer<ParserOutput = string, RendererOutput = string> extends Lexer<ParserOutput, RendererOutput> {
  private readonly sources: MentionStarts[] = [];
  private readonly blockSources: SetextMisses[] = [];
  private readonly codeSources: CodeSpanMisses[] = [];
  private readonly addressSources: BareAddresses[] = [];
  /** Block quotes and lists this lexer has opened (see maxContainers). */
  private containers = 0;
  /** For each block quote being tokenized, how many block sources were being lexed when it began. */
  private readonly quoteFrames: number[] = [];
  /** Table cells this lexer has made, the header's included (see maxTableCells). */
  private tableCells = 0;

  /** The rules marked gave the tokenizer, which this lexer replaces by ones that read each source once (linearRules). */
  private readonly markedRules: Rules;

  constructor(options?: MarkedOptions<ParserOutput, RendererOutput>) {
    super(options);
    this.markedRules = tokenizerOf(this).rules;
    tokenizerOf(this).rules = linearRules(this.markedRules, true);
  }

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[] {
    this.blockSources.push(new SetextMisses(src));
    try {
      return super.blockTokens(src, tokens, lastParagraphClipped);
    } finally {
      this.blockSources.pop();
    }
  }

  /**
   * The block quote or list `tokenize` (marked's tokenizer) makes, or none past `maxContainers`: the line is then left to
   * the other rules and reads as text. marked's quote tokenizer calls itself and the list tokenizer again on what it has
   * read; such a call replaces a container already counted, and must return one.
   */
  container<T>(tokenize: () => T | undefined): T | undefined {
    if (this.quoteFrames.at(-1) === this.blockSources.length) return this.readAgainInQuote(tokenize);
    if (this.containers >= maxContainers) return undefined;
    const token = tokenize();
    if (token) this.containers++;
    return token;
  }

  /**
   * The list or quote marked's quote tokenizer reads again, with the lines after it, to replace its last token. marked
   * leaves `state.lastToken` at the token before the quote, and a list item's text there made its list rule refuse a
   * list that cannot interrupt a paragraph (`* ` with nothing after it): marked then read the `raw` of nothing and the
   * post showed as plain text. Inside the quote, what comes before that token is a block of the quote's own, never such
   * text.
   */
  private readAgainInQuote<T>(tokenize: () => T | undefined): T | undefined {
    const lastToken = this.state.lastToken;
    this.state.lastToken = undefined;
    try {
      return tokenize();
    } finally {
      this.state.lastToken = lastToken;
    }
  }

  /** `container` for a block quote, whose tokenizer may call the tokenizers again on what it has read. */
  quote<T>(tokenize: () => T | undefined): T | undefined {
    return this.container(() => {
      this.quoteFrames.push(this.blockSources.length);
      try {
        return tokenize();
      } finally {
        this.quoteFrames.pop();
      }
    });
  }

  /**
   * How many of a table's rows, under a header of `columns` cells, fit in what is left of `maxTableCells`: all of
   * them, fewer, or -1 when not even the header does (its rows are then not counted: past the bound, every line over
   * a delimiter row is refused, and counting the rows below each read the rest of the post again). They are counted
   * as made.
   */
  tableRows(columns: number, countRows: () => number): number {
    if (maxTableCells - this.tableCells < columns) return -1;
    const rows = countRows();
    const fit = Math.min(rows, Math.floor((maxTableCells - this.tableCells) / columns) - 1);
    if (fit >= 0) this.tableCells += columns * (fit + 1);
    return fit;
  }

  /** Whether the setext rule surely finds no heading at `rest`, the end of the block source being lexed. */
  setextMisses(rest: string, interruption: RegExp): boolean {
    return this.blockSources.at(-1)?.at(rest, interruption) ?? false;
  }

  override inlineTokens(source: string, tokens?: Token[]): Token[] {
    // Inline sources are lexed once all blocks are, so every reference definition is known.
    tokenizerOf(this).rules = linearRules(this.markedRules, Object.keys(this.tokens.links).length > 0);
    // One within a source being lexed (a link's text, emphasis) is a part of it, already bounded.
    const src = this.sources.length === 0 ? boundEmphasis(source) : source;
    this.sources.push(new MentionStarts(src));
    this.codeSources.push(new CodeSpanMisses(src));
    this.addressSources.push(new BareAddresses(src));
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.sources.pop();
      this.codeSources.pop();
      this.addressSources.pop();
    }
  }

  /** Whether the code span rule surely finds no code at `rest`, the end of the inline source being lexed. */
  codeSpanMisses(rest: string): boolean {
    return this.codeSources.at(-1)?.at(rest) ?? false;
  }

  /** The bare addresses of the inline source being lexed and where `rest`, its end, starts in it (else of `rest` alone). */
  bareAddressesAt(rest: string): { addresses: BareAddresses; at: number } {
    const addresses = this.addressSources.at(-1);
    const at = addresses ? offsetOfRest(addresses.source, rest) : -1;
    return at < 0 ? { addresses: new BareAddresses(rest), at: 0 } : { addresses: addresses!, at };
  }

  nextMentionStart(rest: string): number | undefined {
    const starts = this.sources.at(-1);
    return starts ? starts.in(rest) : firstMentionStart(rest);
  }
}

const urlHeads = new WeakMap<RegExp, RegExp | null>();
const urlTail = '[^\\s<]*';

/**
 * marked's url rule without the rest of the run a web address reads on to (`[^\s<]*`), which BareAddresses finds once
 * per source; null if the rule's shape changed.
 */
function urlHeadOf(urlRule: RegExp): RegExp | null {
  let head = urlHeads.get(urlRule);
  if (head === undefined) {
    const source = urlRule.source;
    const tail = source.indexOf(urlTail);
    head =
      tail >= 0 && source.indexOf(urlTail, tail + 1) < 0
        ? new RegExp(source.slice(0, tail) + source.slice(tail + urlTail.length), urlRule.flags)
        : null;
    urlHeads.set(urlRule, head);
  }
  return head;
}

/** A lexer's tokenizer: each lexer sets the rules of the tokenizer it is given (private in marked's types). */
function tokenizerOf(lexer: object): { rules: Rules } {
  return (lexer as unknown as { tokenizer: { rules: Rules } }).tokenizer;
}

const linearRuleSets = new WeakMap<object, { withReferences: Rules; withoutReferences: Rules }>();

/** Where marked's table rule reads the rows under a header and its delimiter row: `(?:\n(ROWS)\n*|$)`, ROWS maybe none. */
const tableRows = '(?:\\n((?:(?!';

/**
 * marked's paragraph rule asks at each line whether a table starts there (a header and a delimiter row), with the table
 * rule itself, which then reads every row below: a paragraph line over a header and its delimiter row, by turns, cost
 * the rest of the post at each (30 ms for 20,000 characters, four times that for twice as many). The rows may be none,
 * so the question is the same without them. null if the rules' shape changed.
 */
function paragraphWithoutTableRows(block: Rules['block']): RegExp | null {
  // How marked puts one rule into another: without its `^`.
  const table = block.table.source.replace(/(^|[^[])\^/g, '$1');
  const paragraph = block.paragraph.source;
  const at = paragraph.indexOf(table);
  const rows = table.indexOf(tableRows);
  if (at < 0 || rows < 0 || paragraph.includes(table, at + 1)) return null;
  return new RegExp(
    `${paragraph.slice(0, at)}${table.slice(0, rows)}(?:\\n|$)${paragraph.slice(at + table.length)}`,
    block.paragraph.flags,
  );
}

/**
 * marked's rules with its mask of code and escapes replaced by one that reads the source once (see CodeSpanMask), its
 * paragraph rule by one that reads no table rows (paragraphWithoutTableRows), and, for a post that defines no reference
 * (`[label]: address`), without the search for reference links: it tries up to 999 brackets from each `[`, 50 ms for a
 * paragraph of escaped brackets, and with no definition its finds change nothing.
 */
function linearRules(rules: Rules, references: boolean): Rules {
  let sets = linearRuleSets.get(rules.inline);
  if (!sets) {
    const inline = { ...rules.inline, anyPunctuationOutsideCode: new CodeSpanMask() };
    const block = { ...rules.block, paragraph: paragraphWithoutTableRows(rules.block) ?? rules.block.paragraph };
    sets = {
      withReferences: { ...rules, block, inline },
      withoutReferences: { ...rules, block, inline: { ...inline, reflinkSearch: /(?!)/g } },
    };
    linearRuleSets.set(rules.inline, sets);
  }
  return references ? sets.withReferences : sets.withoutReferences;
}

/** A post's tokens, its nesting bounded first (boundNesting). */
function lexPost<ParserOutput = string, RendererOutput = string>(
  markdown: string,
  options?: MarkedOptions<ParserOutput, RendererOutput>,
): Token[] {
  return new PostLexer(options).lex(boundNesting(markdown));
}

interface MentionToken extends Tokens.Generic {
  type: 'mention';
  raw: string;
  username: string;
}

/**
 * `@grey` becomes a link to `/u/grey`; inside code marked never calls it. Links cannot nest, so inside a link's text
 * (a markdown link, or a raw `<a>` marked has seen open) it leaves the @ to text, as marked leaves web addresses there.
 */
const mentionExtension: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start(rest: string) {
    return this.lexer instanceof PostLexer ? this.lexer.nextMentionStart(rest) : firstMentionStart(rest);
  },
  tokenizer(source: string): MentionToken | undefined {
    if (this.lexer.state.inLink) return undefined;
    const match = mentionPattern.exec(source);
    if (!match) return undefined;
    // marked tries the extension after each token, an e-mail address's too: an @ right after one (`a@b.co@grey`)
    // follows a character of the address in the source, and starts no mention.
    if (this.lexer instanceof PostLexer && this.lexer.nextMentionStart(source) !== 0) return undefined;
    return { type: 'mention', raw: match[0], username: match[1] };
  },
  renderer(token) {
    // The username is restricted to [A-Za-z0-9_.-], so it needs no escaping.
    const username = (token as MentionToken).username;
    return `<a href="/u/${username}" class="mention">@${username}</a>`;
  },
};

/** Tags and attributes that survive sanitising; everything else is escaped (or dropped with its body). */
const allowList: IWhiteList = {
  a: ['href', 'title', 'class'],
  p: [],
  br: [],
  hr: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  del: [],
  s: [],
  code: ['class'],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  // Kept through sanitising only to become a link (imagesAsLinks): no post shows an image.
  img: ['src', 'alt', 'title'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  // Task-list boxes; `disabled` is added to every one after sanitising.
  input: ['type', 'checked'],
  kbd: [],
  sub: [],
  sup: [],
};

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  num: '#',
};

/** Decodes the entities an attacker could use to hide a scheme; unknown ones stay (and get escaped on output). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** http(s), mailto (links only) and scheme-less relative URLs; never javascript:, data:, vbscript: or anything else. */
export function isSafeUrl(rawValue: string, allowMailto: boolean): boolean {
  // Browsers ignore control characters and whitespace inside a scheme, so do we before checking it.
  const value = decodeEntities(rawValue)
    .replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .toLowerCase();
  if (value === '') return false;
  if (value.startsWith('http://') || value.startsWith('https://')) return true;
  if (allowMailto && value.startsWith('mailto:')) return true;
  // Relative: no scheme before the first / ? or #; protocol-relative // is left to http(s).
  const schemeEnd = value.search(/[/?#]/);
  const head = schemeEnd === -1 ? value : value.slice(0, schemeEnd);
  return !head.includes(':') && !head.includes('\\');
}

function safeAttributeValue(tag: string, name: string, value: string): string | undefined {
  const decoded = decodeEntities(value);
  if (tag === 'a' && name === 'href') return isSafeUrl(value, true) ? decoded : undefined;
  // Image links only to absolute http(s) addresses, whose host can name an image without alt text.
  if (tag === 'img' && name === 'src') return /^https?:\/\//i.test(decoded.trim()) && isSafeUrl(value, false) ? decoded.trim() : undefined;
  if (tag === 'a' && name === 'class') return decoded === 'mention' ? decoded : undefined;
  if (tag === 'code' && name === 'class') return /^language-[A-Za-z0-9_+-]{1,32}$/.test(decoded) ? decoded : undefined;
  if ((tag === 'th' || tag === 'td') && name === 'align') return /^(left|right|center)$/.test(decoded) ? decoded : undefined;
  if (tag === 'ol' && name === 'start') return /^[0-9]{1,9}$/.test(decoded) ? decoded : undefined;
  if (tag === 'input' && name === 'type') return decoded === 'checkbox' ? decoded : undefined;
  if (tag === 'input' && name === 'checked') return '';
  return decoded;
}

/**
 * The mention style only on a link to the profile it names: raw HTML may carry `class="mention"` (the allow-list keeps
 * it for the extension's links), and `<a href="https://elsewhere" class="mention">@grey</a>` would pass for a mention
 * of staff. Runs on sanitised output, whose attribute values hold no `>` and whose text holds no `<` but tags'.
 */
function onlyRealMentions(html: string): string {
  return html.replace(/<a ([^>]*)>([^<]*)/g, (tag, attributes: string, text: string) => {
    if (!/(^| )class="mention"/.test(attributes)) return tag;
    const profile = /(?:^| )href="\/u\/([^"]*)"/.exec(attributes)?.[1];
    return profile !== undefined && text === `@${profile}` ? tag : `<a ${attributes.replace(/(^| )class="mention"/, '').trim()}>${text}`;
  });
}

/** The host a link's text names for an image without alt text; `src` is a sanitised (escaped) absolute http(s) URL. */
function imageHost(src: string): string | undefined {
  try {
    return escapeHtml(new URL(src.replace(/&(?:amp|lt|gt|quot);/g, (entity) => textEntities[entity]!)).hostname) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every image becomes an ordinary link to it, saying it is an image and giving its alt text (or its host): an `<img>`
 * has every reader's browser fetch it from the host the author chose as the thread opens, telling that host who reads
 * and when (a tracking pixel), over plain http too. The renderer cannot tell our own origin from another, and posts
 * have no uploads, so no image is shown; readers choose to open one. An image with no address we link shows its alt
 * text. Runs on sanitised output, whose attribute values hold no `"`, `<` or `>` (so they are escaped text as well).
 */
function imagesAsLinks(html: string): string {
  return html.replace(/<img(?=[\s/>])([^>]*)>|<\/img>/g, (_tag, attributes: string | undefined) => {
    if (attributes === undefined) return '';
    const attribute = (name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
    const src = attribute('src');
    const alt = attribute('alt')?.trim() ?? '';
    if (src === undefined) return alt;
    const host = imageHost(src);
    const text = alt !== '' ? `Image: ${alt}` : host ? `Image from ${host}` : 'Image';
    const title = attribute('title');
    return `<a href="${src}"${title === undefined ? '' : ` title="${title}"`}>${text}</a>`;
  });
}

/**
 * No link opens inside another: an `<a>` that opens while one is open loses its tag and its `</a>`, its text staying
 * the outer link's (as marked leaves a mention or web address in a link's text), and a stray `</a>` goes. marked
 * sees a raw `<a>` open only within its paragraph, so a mention, link or web address after one on a line of its own
 * would nest, and browsers re-parent nested links as they see fit. A table's tag first closes an open link, as a cell's
 * end does in browsers: they ignore a `</a>` in a cell for a link opened outside it. An `<a>` without an address (the
 * sanitiser dropped an unsafe one, `javascript:` and the like) is no link: it loses its tags too, its text staying
 * text. Every link left gets our rel. Runs on sanitised output, whose `<` are real tags', not in the sanitiser's onTag:
 * that also sees the tags of a `<script>` body it strips afterwards, so a `</a>` there would count as closing a link
 * that stays open.
 */
function singleLinks(html: string): string {
  // Without a link every tag stays: a table of thousands of cells is not read tag by tag.
  if (!html.includes('<a')) return html;
  let open = 0;
  // Whether the outermost open `<a>` stays a link.
  let linked = false;
  return html.replace(/<(\/?)(a|table|thead|tbody|tr|th|td)(?=[\s>])[^>]*>/g, (tag, closing: string, name: string) => {
    if (name !== 'a') {
      const linkEnd = open > 0 && linked ? '</a>' : '';
      open = 0;
      return linkEnd + tag;
    }
    if (closing) {
      if (open === 0) return '';
      open -= 1;
      return open === 0 && linked ? tag : '';
    }
    open += 1;
    if (open > 1) return '';
    linked = /\shref="/.test(tag);
    return linked ? `<a rel="ugc nofollow noopener noreferrer"${tag.slice(2)}` : '';
  });
}

/** The usernames, lower-cased, of the links rendered HTML styles as mentions. */
function renderedMentions(html: string): string[] {
  const names: string[] = [];
  for (const [, attributes] of html.matchAll(/<a ([^>]*)>/g)) {
    const profile = /(^| )class="mention"/.test(attributes) ? /(?:^| )href="\/u\/([^"]*)"/.exec(attributes)?.[1] : undefined;
    if (profile !== undefined) names.push(profile.toLowerCase());
  }
  return names;
}

/**
 * A tag off the allow-list (`<script>`, `<svg>`, `<off>`) is shown as the text it is, escaped, with what it holds: what
 * an author wrote stays in view. js-xss's `stripIgnoreTagBody` would hide a script's or a style's body, but it reads
 * from any such opening tag to the next closing one of any name (`<svg>` ... `</noscript>` hid all between), and
 * hidden text is what search snippets, built from the source, would still show.
 */
const sanitizer = new FilterXSS({
  whiteList: allowList,
  allowCommentTag: false,
  css: false,
  onTagAttr(tag, name, value, isAllowed) {
    if (!isAllowed) return '';
    const safe = safeAttributeValue(tag, name, value);
    if (safe === undefined) return '';
    return `${name}="${escapeAttribute(safe)}"`;
  },
  // Attributes not on the list (on*, style, rel, target...) are dropped, not escaped.
  onIgnoreTagAttr: () => '',
});

/**
 * Blockquotes and lists nested deeper than this on one line are rendered as text: marked recurses once per level, and
 * lexes each level's item again, lazy lines and all (a list item of 20,000 characters nested 16 deep took 200 ms).
 */
export const maxNesting = 8;

/** A blockquote or list marker at the start of a line (after the ones before it). */
const containerMarker = /^ {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
/** The first one may stand further in: a list item's lines are indented past its own marker, however deep it is. */
const firstContainerMarker = /^[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
/** A thematic break (`- - -`, `* * *`, `___`), which marked reads before list markers: whatever its length, no nesting. */
const thematicBreak = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Keeps the first `maxNesting` markers of each line and escapes the rest, so they render as text. */
export function boundNesting(markdown: string): string {
  return markdown.replace(/^.*$/gm, (line) => {
    let rest = line;
    let kept = '';
    for (let depth = 0; depth < maxNesting; depth++) {
      if (thematicBreak.test(rest)) return line;
      const marker = (depth === 0 ? firstContainerMarker : containerMarker).exec(rest);
      if (!marker) return line;
      kept += marker[0];
      rest = rest.slice(marker[0].length);
    }
    return containerMarker.test(rest) ? `${kept}${escapeMarkdown(rest)}` : line;
  });
}

/**
 * Emphasis delimiter runs (`*`, `_`, `~`) and `!` honoured per inline block (a paragraph, a list item, a heading).
 * marked matches every opening run against the runs after it, and at every `!` looks ahead for an e-mail address,
 * so a paragraph of thousands of them (`**a_` or `!` repeated) takes seconds of the event loop; past this bound
 * they are escaped, so they render as the text they are.
 */
export const maxEmphasisRuns = 64;

/**
 * Runs of an inline block counted with those in what the bound reads as code. marked may not read that code as the
 * bound does (an autolink or an HTML tag before it can take one of its backticks), so past this many the runs are
 * escaped wherever they stand: a code span with hundreds of markers in an inline block of hundreds shows backslashes.
 */
export const maxMarkerRuns = 4 * maxEmphasisRuns;

/**
 * marked's text rule ends a text token before every character of a run of e-mail characters that ends in `@` (an
 * address may start there) and tries an address at each, reading the run again every time: a run of thousands (`a.`
 * repeated, then `@`) costs its length squared. An address's local part has at most 64 characters, so the `@` after a
 * longer run is escaped: it renders as itself. A link's run (after `http://`, `https://`, `ftp://` or from `www.`) is
 * left alone: marked reads a link in one step.
 */
export const maxEmailLocalPart = 64;
const emailRunCharacter = /[A-Za-z0-9.!#$%&'*+/=?_`{|}~-]/;

function isLongEmailRunBefore(source: string, at: number): boolean {
  let start = at;
  while (start > 0 && emailRunCharacter.test(source[start - 1]!)) start--;
  if (at - start <= maxEmailLocalPart) return false;
  const run = source.slice(start, start + 4);
  return !(/^www\./i.test(run) || (run.startsWith('//') && /(?:https?|ftp):$/i.test(source.slice(Math.max(0, start - 6), start))));
}

/**
 * Block quotes and lists one post may open. marked's quote rule reads on through lazy lines, to the end of the post if
 * they run on, and its tokenizer lexes the rest of what the rule read again at each line that ends a nested quote or a
 * list in it: a post of thousands of them (`> - a` and a lazy line by turns) took 130 ms. Past this many, the lines
 * that would open another are left to the other rules and read as text.
 */
export const maxContainers = 64;

/**
 * Table cells one post may make, headers included. marked gives every row as many cells as its header, adding empty
 * ones to a shorter row, so a table's cells are its rows times its columns whatever was written: a header of 200
 * columns over 9,800 one-character rows, 20,000 characters, made 2 million cells, 19 MB of HTML and seconds of the
 * event loop. A cell costs about 3 µs, rendered and sanitised; a table people read is far smaller. The rows past the
 * bound end the table and read as text.
 */
export const maxTableCells = 5_000;

/**
 * The longest run of `*` or `_` that may open or close emphasis; a longer one is text. marked tries to open emphasis at
 * each character of a run that opens none, and each try reads the whole run again: 20,000 `*` before a few `*a` held
 * the event loop 4 s. No emphasis anyone means needs a longer run.
 */
export const maxDelimiterRun = 8;

/**
 * Escapes the markers of an inline source (a paragraph, a heading, a list item's text, a table cell) past the first
 * `maxEmphasisRuns`, and an `@` after a run of e-mail characters longer than `maxEmailLocalPart`; code is left alone.
 */
function boundEmphasis(source: string): string {
  // Most sources (a table's cells, a short line) hold no marker at all.
  if (!anyMarker.test(source)) return source;
  // Runs so far outside what reads as code, and with it.
  let runs = 0;
  let allRuns = 0;
  // A run is of one character: marked reads `_**~` as three runs.
  const tokens = [...source.matchAll(/\\[\s\S]|`+|\*+|_+|~+|!|@/g)];
  // A code span runs from a backtick run to the next run of the same length; one never closed is plain text.
  const closer = new Array<number | undefined>(tokens.length);
  const nextRunOfLength = new Map<number, number>();
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index][0];
    if (token[0] !== '`') continue;
    closer[index] = nextRunOfLength.get(token.length);
    nextRunOfLength.set(token.length, index);
  }
  let out = '';
  let copied = 0;
  // The closing run of the code span the tokens are in.
  let codeUntil = -1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index][0];
    if (token[0] === '`') {
      if (index > codeUntil) codeUntil = closer[index] ?? -1;
      continue;
    }
    if (token[0] === '\\') continue;
    const at = tokens[index].index;
    const inCode = index < codeUntil;
    if (token === '@') {
      if (inCode || !isLongEmailRunBefore(source, at)) continue;
    } else {
      allRuns += 1;
      if (!inCode) runs += 1;
      if (allRuns <= maxMarkerRuns && (inCode || runs <= maxEmphasisRuns)) continue;
    }
    out += source.slice(copied, at) + token.replace(/./g, '\\$&');
    copied = at + token.length;
  }
  return copied === 0 ? source : out + source.slice(copied);
}

/** A character boundEmphasis may escape or has to read (a backtick starts code). */
const anyMarker = /[`*_~!@]/;

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!>|~<]/g, '\\$&');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The body as escaped plain text in paragraphs: what a post shows when its markdown cannot be rendered. */
export function plainTextHtml(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The version of what render() produces. Posts and their revisions store their HTML with the version that cooked it;
 * bump this whenever a change here (marked, its options, the extensions, the allow-list) changes the HTML of any post,
 * and they are re-cooked in the background after the next start.
 */
export const rendererVersion = 14;

/** How many texts MarkdownService.cookRepeated keeps. */
const repeatedTexts = 64;

/** A post body's sanitised HTML, stored beside its markdown. */
export interface CookedHtml {
  bodyHtml: string;
  bodyHtmlVersion: number;
}

const textEntities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Sanitised HTML (render's) as plain text: block tags become spaces, other tags go, entities are decoded. */
function textOfHtml(html: string): string {
  return html
    .replace(/<\/?(?:p|li|ul|ol|h[1-6]|br|div|blockquote|pre|tr|td|th|table|hr)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => textEntities[entity]!);
}

/**
 * Markdown to HTML that is safe to insert into the page: marked renders (GFM), js-xss keeps only the
 * allowed tags and attributes, links get rel="ugc nofollow noopener noreferrer", `@username` links to the profile.
 */
@Injectable()
export class MarkdownService {
  private readonly marked = new Marked({
    gfm: true,
    breaks: false,
    async: false,
    extensions: [mentionExtension],
    tokenizer: {
      lheading(src) {
        const interruption = paragraphInterruption(this.rules.block.lheading);
        if (interruption && this.lexer instanceof PostLexer && this.lexer.setextMisses(src, interruption)) return undefined;
        return false;
      },
      // marked's table rule reads every line below a header and a delimiter row before it checks the two (the row
      // holds a `|` or `:`, its cells are as many as the header's): pairs of lines that fail cost lines x lines. Whether
      // they make a table depends on those two lines alone, so marked's rule is asked of them first. Its rows are then
      // counted against maxTableCells before marked makes their cells.
      table(src) {
        const headerEnd = src.indexOf('\n');
        if (headerEnd < 0) return undefined;
        const delimiterEnd = src.indexOf('\n', headerEnd + 1);
        if (delimiterEnd < 0) return false;
        const queued = this.lexer.inlineQueue.length;
        const head = Tokenizer.prototype.table.call(this, src.slice(0, delimiterEnd));
        // The check queued its header cells for inline lexing. Left there, they would be lexed for a token that no longer
        // exists, and marked, joining a paragraph that goes on after a refused table, would give its text to the last
        // of them: the paragraph shown cut short, and lexed whole again for each header refused within it.
        this.lexer.inlineQueue.length = queued;
        if (!head) return undefined;
        if (!(this.lexer instanceof PostLexer)) return false;
        let rows = 0;
        const fit = this.lexer.tableRows(head.header.length, () => {
          // The rows as marked reads them (see its table tokenizer), counted before it makes their cells.
          const rowLines = this.rules.block.table.exec(src)?.[3];
          rows = rowLines?.trim() ? rowLines.replace(this.rules.other.tableRowBlankLine, '').split('\n').length : 0;
          return rows;
        });
        if (fit < 0) return undefined;
        if (fit === rows) return false;
        let end = delimiterEnd;
        for (let row = 0; row < fit; row++) end = src.indexOf('\n', end + 1);
        return Tokenizer.prototype.table.call(this, src.slice(0, end));
      },
      blockquote(src) {
        return this.lexer instanceof PostLexer ? this.lexer.quote(() => Tokenizer.prototype.blockquote.call(this, src)) : false;
      },
      list(src) {
        return this.lexer instanceof PostLexer ? this.lexer.container(() => Tokenizer.prototype.list.call(this, src)) : false;
      },
      codespan(src) {
        return this.lexer instanceof PostLexer && this.lexer.codeSpanMisses(src) ? undefined : false;
      },
      // A run longer than maxDelimiterRun is text, read in one step; marked's rule for shorter ones.
      emStrong(src) {
        const delimiter = src[0];
        if (delimiter !== '*' && delimiter !== '_') return false;
        let end = 1;
        while (end <= maxDelimiterRun && src[end] === delimiter) end++;
        if (end <= maxDelimiterRun) return false;
        while (src[end] === delimiter) end++;
        const run = src.slice(0, end);
        // marked keeps whatever token the rule returns; its types name only em and strong.
        return { type: 'text', raw: run, text: run } satisfies Tokens.Text as unknown as Tokens.Em;
      },
      // marked's own, with where a web address ends found once per inline source (see BareAddresses).
      url(src) {
        const head = urlHeadOf(this.rules.inline.url)?.exec(src);
        // E-mail addresses (and a rule of another shape) stay marked's: it reads no further than the address.
        if (!head || head[1] === undefined || !(this.lexer instanceof PostLexer)) return false;
        const { addresses, at } = this.lexer.bareAddressesAt(src);
        const text = addresses.source.slice(at, addresses.linkEnd(at, addresses.candidateEnd(at)));
        const href = head[1] === 'www.' ? `http://${text}` : text;
        return { type: 'link', raw: text, text, href, autolink: true, tokens: [{ type: 'text', raw: text, text }] };
      },
    },
    hooks: {
      provideLexer: () => lexPost,
    },
  });

  private readonly logger = new Logger('Markdown');
  /** cookRepeated's texts, oldest first. */
  private readonly repeated = new Map<string, CookedHtml>();

  /** Never throws: a body marked cannot render is shown as escaped plain text, so one post cannot break its thread. */
  render(markdown: string): string {
    try {
      return this.renderMarkdown(markdown);
    } catch (error) {
      this.logger.warn(`Rendered as plain text (${markdown.length} characters): ${error instanceof Error ? error.message : String(error)}`);
      return plainTextHtml(markdown);
    }
  }

  /** The HTML to store with a post written or edited now. */
  cook(markdown: string): CookedHtml {
    return { bodyHtml: this.render(markdown), bodyHtmlVersion: rendererVersion };
  }

  /**
   * cook, for a text the forum itself posts again and again (the bot's answers: rendering its answer anew took 3 % of a
   * question's CPU time under load): the last 64 texts are cooked once.
   */
  cookRepeated(markdown: string): CookedHtml {
    let cooked = this.repeated.get(markdown);
    if (cooked) {
      this.repeated.delete(markdown);
    } else {
      cooked = this.cook(markdown);
      if (this.repeated.size >= repeatedTexts) this.repeated.delete(this.repeated.keys().next().value!);
    }
    this.repeated.set(markdown, cooked);
    return cooked;
  }

  /**
   * The usernames the rendered post links as mentions, lower-cased, each once, in order: whom its readers see
   * mentioned, so notifications follow the same rule (not in code, links or e-mail addresses).
   */
  mentions(markdown: string): string[] {
    // Every mention is an @ and a name's first character, and the bounds only insert backslashes: a body without that
    // pair mentions nobody and is not lexed again (a post's jobs ask at every post).
    if (!mightMention.test(markdown)) return [];
    const names = new Set<string>();
    let rawHtml = false;
    try {
      const tokens = lexPost(markdown, this.marked.defaults);
      void this.marked.walkTokens(tokens, (token) => {
        if (token.type === 'mention') names.add((token as MentionToken).username.toLowerCase());
        else if (token.type === 'html') rawHtml = true;
      });
    } catch {
      // render() shows such a body as plain text, which links nobody.
      return [];
    }
    // Without raw HTML every mention token renders as one. With it, the rendered post says who reads as mentioned: a
    // token may end up in the text of a raw `<a>` marked no longer sees open, and a hand-written link in a mention's
    // form (`<a class="mention" href="/u/grey">@grey</a>`, the only one onlyRealMentions leaves styled) reads as one.
    if (!rawHtml) return [...names];
    return [...new Set(renderedMentions(this.render(markdown)))];
  }

  /** What a reader sees of the markdown: the rendered, sanitised post as plain text (tags gone, entities decoded). */
  renderText(markdown: string): string {
    return textOfHtml(this.render(markdown));
  }

  /**
   * The start of a post as one line of plain text, from its rendered HTML (what render returns, a post's stored HTML):
   * at most `maxLength` characters, cut after a word and ended with an ellipsis when the post is longer.
   */
  excerpt(html: string, maxLength = 200): string {
    const text = textOfHtml(html).replace(/\s+/g, ' ').trim();
    if (text.length <= maxLength) return text;
    const cut = text.slice(0, maxLength - 1);
    const lastSpace = cut.lastIndexOf(' ');
    return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
  }

  private renderMarkdown(markdown: string): string {
    const html = this.marked.parse(markdown, { async: false });
    // Sanitised output has no raw `<a` except real anchor tags (text `<` is escaped), and no rel of its own.
    return singleLinks(onlyRealMentions(imagesAsLinks(sanitizer.process(html)))).replace(/<input(?=[\s>])/g, '<input disabled=""');
  }
}
