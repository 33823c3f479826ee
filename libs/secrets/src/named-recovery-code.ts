import type { SecretFinding } from './detector.js';
import { SecretKind } from './secret-kind.js';

// A code as recovery codes are printed: groups joined by hyphens ("7f3a2-9c1e4", "ABCD-EFGH"), groups holding a digit
// joined by spaces or tabs ("1234 5678"; only runs of one width count, see `printedRuns`), or one run ("a8k2m9x4q7"). Not part of a longer token: a version, a path, a UUID's
// middle, "E-1234" or "#48213377". Each group's digit look-ahead is bounded, so a long run of letters is read once.
const group = '[A-Za-z0-9]{3,6}';
const groupWithDigit = '(?=[A-Za-z]{0,5}\\d)[A-Za-z0-9]{3,6}';
const codeCandidate = new RegExp(
  `(?<![A-Za-z0-9#@/\\\\+._-])(?:${group}(?:-${group}){1,7}|${groupWithDigit}(?:[ \\t]{1,3}${groupWithDigit}){1,7}|[A-Za-z0-9]{8,16})` +
    '(?![A-Za-z0-9@/\\\\_]|[-.][A-Za-z0-9])',
  'g',
);

// What names a code as a recovery code, and what names a number as something else. The label nearest before the code
// in its sentence decides; with none before, a recovery-code name just after it ("the code ... from my emergency kit").
// Whose number it is (account, user, id) names it only right before it, and only when it is written as ids are, in one
// run: "backup code for account 12345678" names an account; "the backup code of my account is 4817 2093", and codes
// printed in groups as "the backup code for my account 4817 2093" or "the recovery code for user 7f3a2-9c1e4", codes.
const recoveryName = String.raw`(?:recovery|back[- ]?up|emergency|one[- ]?time|single[- ]use)[- ](?:codes?|keys?)|emergency[- ]kit`;
const otherName = String.raw`ticket|order|invoice|receipt|error|build|version|commit|ref|reference|transaction|serial|tracking|confirmation|(?:case|account|customer|member|phone)[- ](?:number|no|nr|id)|call|sms|authenticator|totp`;
const ownerName = String.raw`(?:account|user|username|user[- ]?id|id|customer|client|member|case|phone)(?=[ \t]*$)`;
const label = new RegExp(`\\b(?:(${recoveryName})|(?:${otherName}))\\b`, 'gi');
const labelOfRun = new RegExp(`\\b(?:(${recoveryName})|(?:${otherName}|${ownerName}))\\b`, 'gi');
// A new clause between the name and the code: what follows is about something else.
const clauseBreak = /\b(?:but|so|because|although|though|while|when|since|then|until|unless|however|and then)\b|[;—]/i;
const sentenceEnd = /[.!?](?=\s|$)/g;
const windowBefore = 80;
const windowAfter = 50;
const maximumWordsBetween = { before: 8, after: 5 };

/** Single recovery codes that the words around them name as such: "my backup code is 1234 5678". */
export function namedRecoveryCodes(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const match of text.matchAll(codeCandidate)) {
    for (const { text: printed, start } of printedRuns(match[0], match.index)) {
      const end = start + printed.length;
      // Pasted from a printout or a table, groups may be apart by more than one space, or by a tab.
      const code = printed.replace(/[ \t]+/g, ' ');
      if (!looksLikeRecoveryCode(code)) continue;
      if (namedAsRecoveryCode(sentenceBefore(text, start), sentenceAfter(text, end), /^[A-Za-z0-9]+$/.test(code) ? labelOfRun : label)) {
        found.push({ kind: SecretKind.RecoveryCode, start, end });
      }
    }
  }
  return found;
}

/**
 * Space-separated groups are printed in one width ("4817 2093"); words of other widths beside them are not part of
 * the code ("2FA 482913", "2FA 4817 2093"). Splits a spaced candidate into its runs of two or more equal-width groups,
 * each as written (the spaces between its groups kept).
 */
function printedRuns(candidate: string, start: number): { text: string; start: number }[] {
  if (!/[ \t]/.test(candidate)) return [{ text: candidate, start }];
  const runs: { text: string; start: number }[] = [];
  let run: RegExpMatchArray[] = [];
  const closeRun = () => {
    if (run.length < 2) return;
    const first = run[0].index!;
    const last = run[run.length - 1];
    runs.push({ text: candidate.slice(first, last.index! + last[0].length), start: start + first });
  };
  for (const group of candidate.matchAll(/[A-Za-z0-9]+/g)) {
    if (run.length > 0 && run[0][0].length !== group[0].length) {
      closeRun();
      run = [];
    }
    run.push(group);
  }
  closeRun();
  return runs;
}

function looksLikeRecoveryCode(code: string): boolean {
  const characters = code.replace(/[- ]/g, '');
  // A 6-digit code is what the authenticator app shows ("it shows 492 817 but says invalid"). It expires within a
  // minute, so it is left alone however it is named: refusing it would only get in the way of asking why it fails.
  if (characters.length < 8) return false;
  // Placeholders (XXXX-XXXX, 0000 0000) repeat a few characters.
  if (new Set(characters.toLowerCase()).size < 4) return false;
  if (isStandIn(code)) return false;
  const letters = characters.replace(/\d/g, '');
  // Digits alone: not a phone number (555 123 4567) or a date (20240305).
  if (letters === '') {
    return !/^\d{3}[- ]\d{3}[- ]\d{4}$/.test(code) && !/^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(code);
  }
  // Codes are printed in one case: mixed case is a name (iPhone15).
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  // A hex literal is an error code (0x80070005).
  if (/^0x/i.test(code)) return false;
  // A name with its version beside numbers ("FIDO2 48213", "WPA2 7731"), not a code whose groups happen to be of one
  // width: the only group with letters is a word of three or more with one or two digits after it.
  const groupsWithLetters = code.split(' ').filter((group) => /[A-Za-z]/.test(group));
  if (code.includes(' ') && groupsWithLetters.length === 1 && /^[A-Za-z]{3,}\d{1,2}$/.test(groupsWithLetters[0])) return false;
  // Letters and digits: a long run of letters is a word with a number (password1, windows11).
  if (/\d/.test(characters)) return !/[A-Za-z]{6,}/.test(code);
  // Letters alone: only in hyphenated groups, and with few vowels (ABCD-EFGH), unlike words (read-only, self-hosted).
  if (!code.includes('-')) return false;
  return letters.replace(/[^aeiouy]/gi, '').length / letters.length <= 0.25;
}

/**
 * A stand-in typed to show the format ("1234-5678", "abcd-efgh", "12345678", "1234-5678-abcd", "XXXX-1234"): every
 * group, and every run of letters or of digits in one, counts up or down or repeats one character, three or more long.
 * A real code may hold such a run by chance ("1234-9f3k"), but hardly ever nothing else.
 */
function isStandIn(code: string): boolean {
  const runs = code.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  return runs.every((run) => run.length >= 3 && (sequences.some((sequence) => sequence.includes(run)) || new Set(run).size === 1));
}
const sequences = ['01234567890', '09876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba'];

/** Whether the nearest of the `labels` around a code names it as a recovery code. */
function namedAsRecoveryCode(before: string, after: string, labels: RegExp): boolean {
  const nearestBefore = [...before.matchAll(labels)].pop();
  if (nearestBefore) {
    const isRecoveryName = nearestBefore[1] !== undefined;
    return isRecoveryName && closelyLinked(before.slice(nearestBefore.index + nearestBefore[0].length), maximumWordsBetween.before);
  }
  const nearestAfter = [...after.matchAll(labels)][0];
  if (!nearestAfter) return false;
  const isRecoveryName = nearestAfter[1] !== undefined;
  return isRecoveryName && closelyLinked(after.slice(0, nearestAfter.index), maximumWordsBetween.after);
}

function closelyLinked(between: string, maximumWords: number): boolean {
  return !clauseBreak.test(between) && (between.match(/[A-Za-z0-9']+/g) ?? []).length <= maximumWords;
}

/** The sentence before `index`, at most `windowBefore` characters of it. */
function sentenceBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - windowBefore), index);
  let start = 0;
  for (const end of window.matchAll(sentenceEnd)) start = end.index + 1;
  return window.slice(start);
}

/** The sentence after `index`, at most `windowAfter` characters of it. */
function sentenceAfter(text: string, index: number): string {
  const window = text.slice(index, index + windowAfter);
  const end = [...window.matchAll(sentenceEnd)][0];
  return end ? window.slice(0, end.index) : window;
}
