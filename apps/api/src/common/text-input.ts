import { AppError } from './app-error.js';

/** C0 controls and DEL, except tab, line feed and carriage return: PostgreSQL refuses NUL in text. */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * Invisible characters with no place in forum text: zero-width space, word joiner, byte-order mark,
 * Mongolian vowel separator, and the bidirectional embeddings, overrides and isolates that can make
 * text read differently from what it is ("Trojan Source").
 */
const strippedCharacters = /[\u200B\u2060\uFEFF\u180E\u202A-\u202E\u2066-\u2069]/g;
/** Joiners and direction marks are needed inside words of some scripts and emoji, but never two in a row. */
const repeatedMarks = /([\u200C\u200D\u200E\u200F\u061C])[\u200C\u200D\u200E\u200F\u061C]+/g;
/** Half of a surrogate pair without the other: not text, and not encodable as UTF-8. */
const loneSurrogate = /\p{Cs}/u;
/** Invisible format characters at either end carry nothing. */
const formatAtStart = /^\p{Cf}+/u;
const formatCharacter = /^\p{Cf}$/u;
/**
 * Unicode's stream-safe text format (UAX #15): no more than 30 combining marks in a row, a combining grapheme joiner
 * (U+034F, itself a mark, left out of the count) after each 30. Normalising sorts a run of marks, which takes the
 * square of its length: 45,000 marks in one argument held the server 0.7 s. No script needs more than a few.
 */
const longMarkRun = /(?:(?!\u034F)\p{M}){31,}/gu;
const maxMarkRun = /(?:(?!\u034F)\p{M}){1,30}/gu;

/** Argument fields taken exactly as typed: a password is a secret, never rewritten. */
const verbatimFields = new Set(['password']);

/**
 * The one place text from clients is checked and normalised, before any argument class validates it:
 * refuses NUL and other control characters and malformed UTF-16 (lone surrogates) with BAD_USER_INPUT,
 * then normalises to NFC and removes invisible characters, so that text made only of zero-width
 * characters counts as empty in every length check.
 */
export function cleanText(value: string, field: string): string {
  if (loneSurrogate.test(value)) throw AppError.badInput(field, 'must be valid Unicode text');
  if (controlCharacters.test(value)) throw AppError.badInput(field, 'must not contain control characters');
  const streamSafe = value.replace(longMarkRun, (run) => run.match(maxMarkRun)!.join('\u034F'));
  return withoutFormatAtEnds(streamSafe.normalize('NFC').replace(strippedCharacters, '').replace(repeatedMarks, '$1'));
}

/**
 * The text without format characters at its ends. The end is walked back a character at a time: `/\p{Cf}+$/` tries
 * every run from each of its characters to the end, which took 4 s for a run of 45,000 soft hyphens and a letter.
 */
function withoutFormatAtEnds(text: string): string {
  let end = text.length;
  while (end > 0) {
    const width = end >= 2 && /[\uDC00-\uDFFF]/.test(text[end - 1]) ? 2 : 1;
    if (!formatCharacter.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end).replace(formatAtStart, '');
}

/**
 * `cleanText` applied to every string in one GraphQL argument, input objects and lists included.
 * Fields are named as the validation errors name them: relative to the argument's input object.
 */
export function cleanInput(value: unknown, argument: string): unknown {
  if (isPlainObject(value)) return cleanFields(value, '');
  return cleanValue(value, argument);
}

function cleanValue(value: unknown, field: string): unknown {
  if (typeof value === 'string') return cleanText(value, field);
  if (Array.isArray(value)) return value.map((item) => cleanValue(item, field));
  if (isPlainObject(value)) return cleanFields(value, `${field}.`);
  return value;
}

function cleanFields(value: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, verbatimFields.has(key) ? item : cleanValue(item, prefix + key)]),
  );
}

/** Argument objects as GraphQL makes them (input objects have a null prototype), not class instances. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
