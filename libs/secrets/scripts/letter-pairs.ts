/**
 * Writes src/english-letter-pairs.ts, the table `looksLikeSetupKey` judges a run of letters by, from the word list of
 * the `word-list` package (a development dependency: the table is committed):
 *   npm run secrets:letter-pairs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';

const letters = 26;
const counts = Array.from({ length: letters * letters }, () => 0);
const firsts = Array.from({ length: letters }, () => 0);
for (const word of readFileSync(wordListPath, 'utf8').split('\n')) {
  if (!/^[a-z]+$/.test(word)) continue;
  for (let index = 1; index < word.length; index++) {
    const first = word.charCodeAt(index - 1) - 97;
    counts[first * letters + word.charCodeAt(index) - 97]++;
    firsts[first]++;
  }
}
// ln P(second | first), add-one smoothed, over ln(1/26): what the pair says for English against random letters, in tenths.
const logOdds = counts.map((count, pair) =>
  Math.round(10 * (Math.log((count + 1) / (firsts[Math.floor(pair / letters)] + letters)) + Math.log(letters))),
);
const target = fileURLToPath(new URL('../src/english-letter-pairs.ts', import.meta.url));
writeFileSync(
  target,
  `// Written by libs/secrets/scripts/letter-pairs.ts from the word list of the word-list package; do not edit.

/**
 * For each pair of letters a-z (first * 26 + second), ten times the log-odds that English spelling, rather than
 * random letters, puts the second after the first.
 */
export const englishLetterPairLogOdds: readonly number[] = [${logOdds.join(', ')}];
`,
);
console.log(`wrote ${target}`);
