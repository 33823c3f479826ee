import { englishLetterPairLogOdds } from './english-letter-pairs.js';
import { namedRecoveryCodes } from './named-recovery-code.js';
import { SecretKind } from './secret-kind.js';
import { statedPasswords } from './stated-password.js';

/** Where a secret sits in the text: enough to point at it without copying it anywhere. */
export interface SecretFinding {
  kind: SecretKind;
  start: number;
  end: number;
}

const notAlphanumeric = '(?<![A-Za-z0-9])';
const endOfToken = '(?![A-Za-z0-9])';

// A link runs to the first space, quote or angle bracket; it is a secret if it carries the key. Matched as the link
// first, then checked for the key: a lazy scan for the key from every "otpauth://" read the rest of the text each time.
const otpauthUri = /otpauth:\/\/(?:totp|hotp)\/[^\s"'<>]*/gi;
const otpauthSecret = /[?&]secret=[A-Za-z2-7=%]{8}/i;
const otpauthMigrationUri = /otpauth-migration:\/\/offline\?[^\s"'<>]*/gi;
const otpauthMigrationData = /data=[A-Za-z0-9+/=%_-]{16}/;
// 1Password's account Secret Key: a version (A3), then 6+6+5+5+5+5 characters.
const accountSecretKey = new RegExp(`${notAlphanumeric}A\\d[- ][A-Z0-9]{6}[- ][A-Z0-9]{6}(?:[- ][A-Z0-9]{5}){4}${endOfToken}`, 'gi');
// Setup keys as apps show them: one run of base32, or groups of four separated by spaces.
const setupKeyRun = /(?<![A-Za-z0-9+/_=-])[A-Za-z2-7]{16,128}={0,6}(?![A-Za-z0-9+/_=-])/g;
const setupKeyGroups = /(?<![A-Za-z0-9+/_=-])[A-Za-z2-7]{4}(?: [A-Za-z2-7]{4}){3,31}(?: [A-Za-z2-7]{1,3})?(?![A-Za-z0-9+/_=-])/g;
const imageDataUri = /data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]{200,}/gi;

// A recovery code on a line of its own (optionally bulleted or numbered), or several inline in one sentence.
// The blanks before and after the comma are one optional group, not two runs either side of an optional comma: those
// split a long run of blanks in every way, quadratic in its length (a 20000-character line took half a second).
const codeLine =
  /^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?([A-Za-z0-9]{3,6}(?:[- ][A-Za-z0-9]{3,6}){1,2}|[A-Za-z0-9]{8,16})(?:[ \t]*[,;])?[ \t]*$/;
const inlineCode = /(?<![A-Za-z0-9#./-])(?:[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){1,2}|\d{8,12})(?![A-Za-z0-9./-])/g;
const minimumRecoveryCodes = 3;

/**
 * Finds what must never be posted publicly: otpauth:// and otpauth-migration:// links, base32 setup keys,
 * a password manager's Secret Key, lists of recovery codes, a single recovery code or a password that the sentence
 * names as one ("my backup code is 1234 5678", "my password is Tr0ub4dor&3") and pasted (data URI) images, which may
 * be QR codes. Look-alikes (ticket numbers, error codes, hashes, versions, UUIDs, an authenticator's 6-digit code,
 * stand-ins like 1234-5678, words in capitals, "my password is not working") pass.
 * Findings are in text order; one contained in another (the key inside an otpauth link) is dropped.
 */
export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [
    ...matches(text, otpauthUri, SecretKind.OtpauthUri, (value) => otpauthSecret.test(value)),
    ...matches(text, otpauthMigrationUri, SecretKind.OtpauthMigrationUri, (value) => otpauthMigrationData.test(value)),
    ...matches(text, accountSecretKey, SecretKind.AccountSecretKey, (value) => looksGenerated(value.slice(2))),
    ...matches(text, setupKeyRun, SecretKind.TotpSetupKey, looksLikeSetupKey),
    ...matches(text, setupKeyGroups, SecretKind.TotpSetupKey, looksLikeSetupKey),
    ...matches(text, imageDataUri, SecretKind.ImageDataUri),
    ...recoveryCodeLists(text),
    ...namedRecoveryCodes(text),
    ...statedPasswords(text),
  ];
  // In order of start, the longest first: a finding is inside another exactly when one before it ends at or after
  // its end (of two identical spans the first is kept).
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  let furthestEnd = -1;
  return findings.filter((finding) => {
    const contained = finding.end <= furthestEnd;
    furthestEnd = Math.max(furthestEnd, finding.end);
    return !contained;
  });
}

/** The distinct kinds found, in text order: what the API names and the composer explains. */
export function secretKindsIn(text: string): SecretKind[] {
  return [...new Set(findSecrets(text).map((finding) => finding.kind))];
}

function matches(text: string, pattern: RegExp, kind: SecretKind, accept: (value: string) => boolean = () => true): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0])) found.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Random base32, not a word in capitals, a hex hash or a keyboard run. */
function looksLikeSetupKey(value: string): boolean {
  const key = value.replace(/[\s=]/g, '');
  if (key.length < 16) return false;
  const letters = key.replace(/[2-7]/g, '');
  // Apps show a key in one case; mixed case is prose, code or base64.
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  if (/^[a-f2-7]+$/i.test(key) && [32, 40, 64].includes(key.length)) return false;
  if (new Set(key.toUpperCase()).size < 8) return false;
  // A group of four digits is rare in random base32 (1 in 800); two are numbers between words ("code 7473 5554 from").
  const groups = value.split(' ');
  if (groups.filter((group) => /^\d+$/.test(group)).length >= 2) return false;
  // Random base32 scatters its digits among the letters. Digits only in groups of their own are a number between words
  // ("the code 2345 from this page"), so the letters are judged as if there were no digits.
  if (groups.some((group) => /\d/.test(group) && /[A-Za-z]/.test(group))) return true;
  // Letters only: spelled as no English words are. The bound is set where `npm run eval:secrets` misses 7.1 % of keys
  // of 16 random letters and 1.3 % of 32, and takes 0.1 % of the README's words run together for a key (a vowel
  // share under 25 % missed half of such keys, and took 1.3 %).
  return englishLikeness(letters) < -0.8;
}

/** The mean log-odds of a run of letters' adjacent pairs, English spelling against random letters. */
function englishLikeness(letters: string): number {
  const lower = letters.toLowerCase();
  let tenths = 0;
  for (let index = 1; index < lower.length; index++) {
    tenths += englishLetterPairLogOdds[(lower.charCodeAt(index - 1) - 97) * 26 + lower.charCodeAt(index) - 97];
  }
  return tenths / 10 / (lower.length - 1);
}

/** Generated characters (digits and letters, varied), not a placeholder like XXXXXX. */
function looksGenerated(value: string): boolean {
  const characters = value.replace(/[- ]/g, '');
  return /\d/.test(characters) && /[A-Z]/i.test(characters) && new Set(characters.toUpperCase()).size >= 8;
}

interface Candidate {
  code: string;
  start: number;
  end: number;
}

function recoveryCodeLists(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const lines = linesOf(text);
  let run: Candidate[] = [];
  const closeRun = () => {
    const list = recoveryCodeList(run);
    if (list) found.push(list);
    run = [];
  };
  for (const line of lines) {
    const match = codeLine.exec(line.text);
    if (match) {
      const start = line.start + line.text.indexOf(match[1]);
      run.push({ code: match[1], start, end: start + match[1].length });
    } else if (line.text.trim() !== '') {
      closeRun();
      const inline = [...line.text.matchAll(inlineCode)].map((m) => ({
        code: m[0],
        start: line.start + m.index,
        end: line.start + m.index + m[0].length,
      }));
      const list = recoveryCodeList(inline);
      if (list) found.push(list);
    }
  }
  closeRun();
  return found;
}

/** Three or more distinct random-looking codes of one shape; ticket numbers share a prefix, dates a year. */
function recoveryCodeList(candidates: Candidate[]): SecretFinding | null {
  const codes = candidates.filter((candidate) => isCodeLike(candidate.code));
  const byShape = new Map<string, Candidate[]>();
  for (const candidate of codes) {
    const shape = shapeOf(candidate.code);
    const group = byShape.get(shape);
    if (group) group.push(candidate);
    else byShape.set(shape, [candidate]);
  }
  for (const group of byShape.values()) {
    if (new Set(group.map((candidate) => candidate.code.toLowerCase())).size < minimumRecoveryCodes) continue;
    const prefixes = new Set(group.map((candidate) => candidate.code.slice(0, 4).toLowerCase()));
    if (prefixes.size === 1) continue;
    return { kind: SecretKind.RecoveryCodes, start: group[0].start, end: group[group.length - 1].end };
  }
  return null;
}

function isCodeLike(code: string): boolean {
  const characters = code.replace(/[- ]/g, '');
  if (characters.length < 8 || !/\d/.test(characters)) return false;
  if (new Set(characters).size < 4) return false;
  // Letters and digits mixed, or digits only: "password1" style words have a long run of letters.
  return !/[A-Za-z]{6,}/.test(code);
}

/** Segment lengths, separator and character class: the codes of one list share a shape. */
function shapeOf(code: string): string {
  const digitsOnly = /^[\d -]+$/.test(code);
  const lettersCase = code === code.toUpperCase() ? 'U' : code === code.toLowerCase() ? 'L' : 'M';
  return `${code.replace(/[A-Za-z0-9]/g, 'x')}:${digitsOnly ? 'd' : lettersCase}`;
}

function linesOf(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), start });
    start += line.length + 1;
  }
  return lines;
}
