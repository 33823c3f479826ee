/**
 * Precision and recall of the secret detector on its labelled test set:
 *   npm run eval:secrets [-- --seed N --variants N --verbose]
 * then how often setup keys of letters only are missed, and words run together taken for one.
 * A text counts per kind: true positive when a kind it contains is found, false positive when a kind it does not
 * contain is found, false negative when a kind it contains is missed.
 */
import { readFileSync } from 'node:fs';
import { SecretKind, secretKinds, secretKindsIn } from '../src/index.js';
import { labelledTestSet, seededRandom } from '../src/test-set.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const verbose = args.includes('--verbose');
const set = labelledTestSet(option('--seed', 2026), option('--variants', 12));

const counts = new Map<SecretKind, { tp: number; fp: number; fn: number }>(secretKinds.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]));
let wrongTexts = 0;
for (const example of set) {
  const found = secretKindsIn(example.text);
  let wrong = false;
  for (const kind of secretKinds) {
    const expected = example.kinds.includes(kind);
    const got = found.includes(kind);
    const count = counts.get(kind)!;
    if (expected && got) count.tp++;
    if (got && !expected) count.fp++;
    if (expected && !got) count.fn++;
    if (got !== expected) wrong = true;
  }
  if (wrong) {
    wrongTexts++;
    if (verbose)
      console.log(
        `${example.note}: expected [${example.kinds.join(', ')}], found [${found.join(', ')}]\n  ${JSON.stringify(example.text)}`,
      );
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? '   -   ' : `${((100 * part) / whole).toFixed(1).padStart(5)} %`);
const positives = set.filter((example) => example.kinds.length > 0).length;
console.log(
  `${set.length} texts: ${positives} with a secret, ${set.length - positives} look-alikes; ${wrongTexts} texts with a wrong kind`,
);
console.log('kind                     precision    recall    tp   fp   fn');
const total = { tp: 0, fp: 0, fn: 0 };
for (const [kind, count] of counts) {
  total.tp += count.tp;
  total.fp += count.fp;
  total.fn += count.fn;
  console.log(
    `${kind.padEnd(24)} ${ratio(count.tp, count.tp + count.fp)}   ${ratio(count.tp, count.tp + count.fn)}  ${String(count.tp).padStart(4)} ${String(count.fp).padStart(4)} ${String(count.fn).padStart(4)}`,
  );
}
console.log(
  `${'all kinds'.padEnd(24)} ${ratio(total.tp, total.tp + total.fp)}   ${ratio(total.tp, total.tp + total.fn)}  ${String(total.tp).padStart(4)} ${String(total.fp).padStart(4)} ${String(total.fn).padStart(4)}`,
);

// Setup keys of letters only, judged by their spelling alone, against the words of the README run together (as in
// a shouted sentence without spaces): the share of each the detector gets wrong.
const random = seededRandom(option('--seed', 2026));
// A random base32 key that happens to hold no digit: its letters are uniform over A-Z.
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const lettersOnlyKey = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
for (const length of [16, 32]) {
  const keys = Array.from({ length: 5000 }, () => lettersOnlyKey(length));
  const missed = keys.filter((key) => !secretKindsIn(`key ${key} here`).includes(SecretKind.TotpSetupKey)).length;
  console.log(`setup keys of ${length} letters only (random): ${ratio(missed, keys.length)} missed`);
}
const words = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').match(/[A-Za-z]+/g) ?? [];
const runs = words.flatMap((_, start) => {
  let run = '';
  for (let index = start; index < words.length && run.length < 16; index++) run += words[index];
  return run.length >= 16 ? [run.toUpperCase()] : [];
});
const taken = runs.filter((run) => secretKindsIn(`note ${run} here`).includes(SecretKind.TotpSetupKey));
console.log(
  `README words run together, 16 letters or more: ${ratio(taken.length, runs.length)} taken for a setup key (${taken.length} of ${runs.length})`,
);
if (verbose) console.log(taken.join('\n'));
