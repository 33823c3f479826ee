import type { SecretFinding } from './detector.js';
import { SecretKind } from './secret-kind.js';

// "my password is X", "master password: X", "the password I set was X", "pw = X", "the password 'X'" (quoted right
// after the word), then the next token, on the same line or the next one (or inside a code fence opened there). Not a
// one-time password: that is the authenticator's code, which expires within a minute.
const passwordWord = String.raw`(?<!one[- ]?time[ -])\b(?:password|passwd|passphrase|pwd|pw)\b[*_]{0,2}`;
const whoSetIt = String.raw`(?:[ \t]+(?:that[ \t]+)?I(?:'ve|[ \t]+(?:have|had))?[ \t]+(?:set|use|used|chose|picked|typed|type|entered|made|created|tried|put[ \t]+in))?`;
const statedAs = String.raw`(?:[ \t]*[:=]|[ \t]+(?:is|was)(?:[ \t]+(?:now|still|just|actually|literally|currently|simply|always))?:?|[ \t]+(?=["'\x60\u201c\u2018]))`;
const nextToken = String.raw`[*_]{0,2}[ \t]*(?:\n[ \t]*)?(?:\x60{3}[^\n\x60]*\n[ \t]*)?(\S+)`;
const statedPassword = new RegExp(passwordWord + whoSetIt + statedAs + nextToken, 'gi');
// "changed my password to X", "set the master password to X".
const changedPassword = new RegExp(
  String.raw`\b(?:changed|change|set|reset|updated|update)[ \t]+(?:(?:my|the|our)[ \t]+)?(?:[A-Za-z]+[ \t]+)?(?:password|passphrase)[ \t]+to[ \t]+(\S+)`,
  'gi',
);
// Longer tokens are never taken; they are skipped before the wrappers are stripped, because stripping a trailing run
// from a token with a long run of punctuation inside ("x....y") is quadratic in its length.
const maximumTokenLength = 80;
const wrappersBefore = /^["'\x60*_(<[\u201c\u2018\u00ab.]+/;
const wrappersAfter = /["'\x60*_)>\]\u201d\u2019\u00bb.,;:!?]+$/;

/** Passwords stated in prose ("my password is Tr0ub4dor&3"); the word after "my password is" passes. */
export function statedPasswords(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const pattern of [statedPassword, changedPassword]) {
    for (const match of text.matchAll(pattern)) {
      const token = match[1];
      if (token.length > maximumTokenLength) continue;
      const leading = wrappersBefore.exec(token)?.[0].length ?? 0;
      const trailing = wrappersAfter.exec(token.slice(leading))?.[0].length ?? 0;
      const password = token.slice(leading, token.length - trailing);
      if (!looksLikePassword(password)) continue;
      const start = match.index + match[0].length - token.length + leading;
      found.push({ kind: SecretKind.Password, start, end: start + password.length });
    }
  }
  return found;
}

/**
 * The shapes of the passwords people make up and the ones managers generate, not the words people put after
 * "my password is" (correct, not working, saved, too long, the same as before, 12 characters, ********):
 * - letters with digits or symbols: hunter2, Summer2024, Tr0ub4dor&3, p@ssword;
 * - eight or more digits: 12345678 (six are what an authenticator shows, and it expires);
 * - three or more words joined by one of - . _ (correct-horse-battery-staple), or run together in capitals
 *   (CorrectHorseBatteryStaple), as passphrase generators write them; not prose glued with "and" or "the"
 *   (long-and-complex).
 * Not a count with its unit or a name that starts with a digit (12chars, 2FA-protected, 1Password), a link, an e-mail
 * address, or one masked by the writer (hun*****). Words separated by spaces are never taken: "correct horse battery
 * staple" reads like "not working at all" (taking four to six words with no function word among them refused 9 of 58
 * ordinary descriptions, "working perfectly fine elsewhere", and 2 of them even without words ending in -ed, -ing, -ly).
 */
function looksLikePassword(token: string): boolean {
  if (token.length < 6) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token) || /^[^@]+@[^@]+\.[a-z]{2,}$/i.test(token)) return false;
  if (/[*\u2022\u25cf]{3}/.test(token)) return false;
  if (/^\d+[-+]?[A-Za-z]+(?:['\u2019-][A-Za-z]+)*$/.test(token)) return false;
  const letters = /[A-Za-z]/.test(token);
  // Symbols that words do not carry: not the hyphen, apostrophe, slash or sentence punctuation of prose.
  if (letters && (/\d/.test(token) || /[!"#$%&()*+<=>?@[\\\]^_`{|}~]/.test(token))) return true;
  if (/^\d{8,}$/.test(token)) return true;
  if (token.length >= 15 && /^[A-Za-z]{3,}([-._])[A-Za-z]{3,}(?:\1[A-Za-z]{3,})+$/.test(token)) {
    return !/(?:^|[-._])(?:and|the|not|but|too|for|with|yet)(?=[-._]|$)/i.test(token);
  }
  return /^(?:[A-Z][a-z]{2,}){3,}$/.test(token);
}
