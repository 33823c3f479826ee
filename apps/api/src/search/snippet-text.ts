/**
 * A search engine's snippet is cut from the markdown source; rendered to text (MarkdownService.renderText) it
 * reads as the post does, but emphasis cut in two by the fragment's edges stays as literal `**` or `__`: this
 * drops those markers (touching a word on one side only), and a backtick left without its pair, and collapses whitespace. Highlight markers pass through.
 */
export function tidySnippetText(text: string): string {
  // A code span cut by the fragment's end (or start) leaves one backtick without its pair.
  const backticks = text.split('`').length - 1;
  const paired = backticks % 2 === 1 ? text.replace(/`(?=[^`]*$)/, '') : text;
  return paired
    .replace(/(^|\s)(\*{1,3}|_{2,3})(?=\S)|(?<=\S)(\*{1,3}|_{2,3})(?=\s|$|[.,;:!?…])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
