/**
 * A search engine's snippet is cut from the markdown source; rendered to text (MarkdownService.renderText) it
 * reads as the post does, but emphasis cut in two by the fragment's edges stays as literal `**` or `__`: this
 * drops those markers (touching a word on one side only) and collapses whitespace. Highlight markers pass through.
 */
export function tidySnippetText(text: string): string {
  return text
    .replace(/(^|\s)(\*{1,3}|_{2,3})(?=\S)|(?<=\S)(\*{1,3}|_{2,3})(?=\s|$|[.,;:!?…])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
