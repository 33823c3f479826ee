/** Turns what a person typed into search terms that can never break the engine's query syntax. */

const maxTerms = 16;

/**
 * PostgreSQL's English stop words (its `english.stop`, Snowball's list), which its text search leaves out of the index
 * and of every query. SQLite's FTS5 has none, so a question typed as a sentence ("where are my …") found on SQLite only
 * the posts holding every one of its little words. Both engines now leave them out of the terms alike.
 */
const stopWords = new Set(
  `
  i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves what which who whom this that these those am is are
  was were be been being have has had having do does did doing a an the and but if or because as until while of
  at by for with about against between into through during before after above below to from up down in out on
  off over under again further then once here there when where why how all any both each few more most other
  some such no nor not only own same so than too very s t can will just don should now
  `
    .trim()
    .split(/\s+/),
);

/**
 * Words made of letters, digits and combining marks; everything else (quotes, `*`, `(`, `-`, `:`) separates them.
 * Stop words are left out, as the engines read them (without their marks): a query of nothing else has no terms, and
 * finds nothing on either engine.
 */
export function searchTerms(query: string): string[] {
  return (
    query
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  )
    .filter((term) => {
      const base = withoutMarks(term);
      return base !== '' && !stopWords.has(base);
    })
    .slice(0, maxTerms);
}

/**
 * The term's letters and digits. The engines drop its marks or split the word at them (FTS5's remove_diacritics, its
 * separators), so `a` and two accents, or `a` and an enclosing mark, is `a` to them.
 */
function withoutMarks(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The shortest last term matched as a prefix. FTS5's prefix indexes start at two characters (the search migrations):
 * a one-character prefix made it merge the postings of every word with that initial, and rank all those posts, a
 * few hundred milliseconds of the event loop per search at ten thousand posts (PostgreSQL's GIN prefix scan alike).
 * A single letter narrows nothing while a word is typed; it is matched as a word of its own.
 */
const shortestPrefix = 2;

/** Counted without marks: `"a҈"*` was FTS5's `a*`, the prefix of every word with that initial. */
function isPrefix(terms: string[], index: number): boolean {
  return index === terms.length - 1 && [...withoutMarks(terms[index])].length >= shortestPrefix;
}

/** Whether a text must hold every term (what a search finds) or any one (which of its words a highlight marks). */
export type TermMatch = 'every' | 'any';

/**
 * An FTS5 MATCH expression: every term quoted (so NEAR, OR, AND, NOT are plain words), all required (or any one),
 * the last one (of at least `shortestPrefix` characters) matched as a prefix so results appear while the word is
 * still being typed.
 */
export function ftsMatchExpression(terms: string[], match: TermMatch = 'every'): string {
  return terms
    .map((term, index) => `"${term.replaceAll('"', '""')}"${isPrefix(terms, index) ? '*' : ''}`)
    .join(match === 'every' ? ' ' : ' OR ');
}

/** A `to_tsquery` expression with the same meaning: quoted lexemes joined by `&` (or `|`), the last one a prefix. */
export function tsQueryExpression(terms: string[], match: TermMatch = 'every'): string {
  return terms
    .map((term, index) => `'${term.replaceAll("'", "''").replaceAll('\\', '')}'${isPrefix(terms, index) ? ':*' : ''}`)
    .join(match === 'every' ? ' & ' : ' | ');
}
