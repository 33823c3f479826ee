/**
 * The engines wrap matched words in these private-use characters; `toSafeSnippet` escapes everything
 * else as HTML and only then turns them into `<mark>` tags, so a snippet is safe to render as HTML.
 */
export const markStart = '\uE000';
export const markEnd = '\uE001';

/**
 * PostgreSQL's text-search parser treats `<…>` as HTML tags and ts_headline drops them; the source text
 * goes in with these stand-ins for `<` and `>` and `restoreAngleBrackets` puts them back before escaping.
 */
export const lessThanStandIn = '\uE002';
export const greaterThanStandIn = '\uE003';

export function restoreAngleBrackets(text: string): string {
  return text.replaceAll(lessThanStandIn, '<').replaceAll(greaterThanStandIn, '>');
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]);
}

/** Escapes the text, collapses whitespace, and emits balanced `<mark>` pairs even if the source contained the markers. */
export function toSafeSnippet(raw: string): string {
  let open = false;
  let html = '';
  for (const part of raw.split(/([\uE000\uE001])/u)) {
    if (part === markStart) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === markEnd) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part.replace(/\s+/g, ' '));
    }
  }
  if (open) html += '</mark>';
  return html.trim();
}
