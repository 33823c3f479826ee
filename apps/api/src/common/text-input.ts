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
const formatAtEnds = /^\p{Cf}+|\p{Cf}+$/gu;

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
  return value.normalize('NFC').replace(strippedCharacters, '').replace(repeatedMarks, '$1').replace(formatAtEnds, '');
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
