/**
 * The limits of what people post: the API validates its inputs with these numbers and the web app's forms
 * check the same ones while people type, so the two can never disagree. Plain constants, no dependencies.
 */

/** A question's title, counted after runs of whitespace become one space. */
export const titleLength = { min: 10, max: 200 } as const;

/** A question's details (markdown). A few words are not enough for the bot or staff to tell cases apart. */
export const questionBodyLength = { min: 20, max: 20_000 } as const;

/** A reply (markdown). */
export const replyBodyLength = { min: 1, max: 20_000 } as const;

/**
 * How much of a question's body the suggestions shown while typing read: enough for any question's gist, and it
 * keeps each keystroke's matching cheap (the matcher's cost grows with the text) whatever the body's length.
 */
export const typedBodyMatched = 4_000;

/** A search's text, after trimming. Longer text would not find more: a question's title is at most 200 characters. */
export const searchQueryLength = { min: 1, max: 200 } as const;

export const maxTagsPerQuestion = 5;

/** One tag: lower-case letters, digits and dashes, at least one of them a letter or digit. */
export const tagPattern = /^(?=.*[a-z0-9])[a-z0-9-]{1,32}$/;

/** Titles are one line: runs of whitespace become one space, ends trimmed. */
export function collapseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** Bodies keep their inner layout (indented code must survive); blank leading lines and trailing space go. */
export function trimBody(body: string): string {
  return body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

/**
 * Length as the API's validation counts it (class-validator's `Length`): characters, with an emoji or other
 * astral character counting once and variation selectors not at all.
 */
export function countedLength(text: string): number {
  const variationSelectors = text.match(/[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g)?.length ?? 0;
  const surrogatePairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - variationSelectors - surrogatePairs;
}
