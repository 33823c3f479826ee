/** Turns what a person typed into search terms that can never break the engine's query syntax. */

const maxTerms = 16;

/** Words made of letters, digits and combining marks; everything else (quotes, `*`, `(`, `-`, `:`) separates them. */
export function searchTerms(query: string): string[] {
  return (
    query
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  ).slice(0, maxTerms);
}

/**
 * An FTS5 MATCH expression: every term quoted (so NEAR, OR, AND, NOT are plain words), all required,
 * the last one matched as a prefix so results appear while the word is still being typed.
 */
export function ftsMatchExpression(terms: string[]): string {
  return terms.map((term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** A `to_tsquery` expression with the same meaning: quoted lexemes joined by `&`, the last one a prefix. */
export function tsQueryExpression(terms: string[]): string {
  return terms
    .map((term, index) => `'${term.replaceAll("'", "''").replaceAll('\\', '')}'${index === terms.length - 1 ? ':*' : ''}`)
    .join(' & ');
}
