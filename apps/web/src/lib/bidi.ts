/**
 * What people write (titles, names, tags, a search) may be right-to-left or start with a neutral character; set inside
 * a sentence of the interface, the bidi algorithm would then reorder the words and punctuation around it. In the DOM it
 * goes in a `<bdi>`; where no markup can go (document.title, an <option>'s text), this wraps it in the Unicode isolates
 * FSI ... PDI, which do the same, as the W3C advises (https://www.w3.org/International/questions/qa-bidi-controls).
 * Accessible names (aria-label) are left plain: they are spoken in reading order, where there is nothing to reorder.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
