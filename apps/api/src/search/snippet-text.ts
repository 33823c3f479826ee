/**
 * A search engine's snippet is cut from the markdown source; rendered to text (MarkdownService.renderText) it
 * reads as the post does, but emphasis cut in two by the fragment's edges stays as literal `**` or `__`: this
 * drops those markers (touching a word on one side only), and a backtick left without its pair, and collapses whitespace. Highlight markers pass through.
 */
export function tidySnippetText(text: string): string {
  if (!/[*_`]/.test(text)) return collapseSpaces(text);
  // A code span cut by the fragment's end (or start) leaves one backtick without its pair.
  const backticks = text.split('`').length - 1;
  const paired = backticks % 2 === 1 ? text.replace(/`(?=[^`]*$)/, '') : text;
  return collapseSpaces(paired.replace(/(^|\s)(\*{1,3}|_{2,3})(?=\S)|(?<=\S)(\*{1,3}|_{2,3})(?=\s|$|[.,;:!?…])/g, '$1'));
}

function collapseSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}

/**
 * Whether a fragment reads the same rendered as it is written: one line without a character that markdown, HTML or
 * an entity could give a meaning to, and no list marker at its start. Such a fragment (most of them) skips the
 * renderer; `renderText` would only return it unchanged.
 */
export function isPlainProse(fragment: string): boolean {
  return !/[\\`*_[\]<>&#|~\n\r]/.test(fragment) && !/^\s*(?:[-+]|\d+[.)])(?:\s|$)/.test(fragment);
}
