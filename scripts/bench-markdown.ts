/**
 * How long the markdown service takes to render a post body of the longest allowed length (20,000 characters): plain
 * prose, and the hostile shapes that once took steps x length (from 50 ms to seconds each before its fix; the
 * markdown service's spec counts what marked reads on them). Then a random search for new ones: bodies made of a
 * short random unit repeated to the full length, between a short prefix and suffix (what a run meets at its end: 20,000
 * `*` before `*a*a` once took 4 s), printing the slowest found, and any that marked could not render
 * (the service then shows it as plain text). Every figure is the fastest of --repeat renders, in milliseconds, and its
 * ratio to prose of the same length.
 *
 *   npm run bench:markdown [-- --repeat 5 --search-seconds 30]
 */
import { Logger } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { MarkdownService } from '../apps/api/src/markdown/markdown.service.js';

const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '5' },
    'search-seconds': { type: 'string', default: '30' },
  },
});
const repeat = Number(values.repeat);
const searchSeconds = Number(values['search-seconds']);
const longest = 20_000;
const markdown = new MarkdownService();
/** What the service warned of while rendering the body being timed: a body marked could not render (then plain text). */
let warnings: string[] = [];
Logger.overrideLogger({ log: () => {}, error: () => {}, warn: (message: unknown) => void warnings.push(String(message)) });

const fill = (unit: string, prefix = '', length = longest, suffix = '') =>
  (prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length - suffix.length) + suffix;

function fastest(body: string): number {
  let best = Infinity;
  for (let run = 0; run < repeat; run++) {
    const started = performance.now();
    markdown.render(body);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const shapes: [name: string, unit: string, prefix?: string, suffix?: string][] = [
  ['prose', 'Scan the QR code with a second phone before you finish. '],
  ['emphasis runs', '**a_!'],
  ['@ that start no mention', '.@'],
  ['list item of short lines', 'a\n', '- '],
  ['nested block quotes', '> '],
  ['address, then punctuation', '*', 'https://example.com/a'],
  ['address, then entities', '&b;', 'https://example.com/a'],
  ['unclosed code runs', '```"\\'],
  ['addresses in one run', 'www.www.(', '1.'],
  ['_**~ runs', '_**~'],
  ['line no fence opens', '~1.```**', '``````'],
  ['- and : lines', '\n-\n:'],
  ['header over a wider row', 'x\\\n|---|---|\n'],
  ['escaped brackets', '\\[', '\\-->'],
  ['autolink, then code runs', '`**a@b.ca>a', '|<'],
  ['quotes, tables by turns', '>> q\n|a|\n|-|\n-->\n'],
  ['quoted lists, lazy lines', '> - a\nb\n'],
  ['runs after an HTML fence', '_**~', '<div>\n```\n\n'],
  ['table of short rows', '|x|y|z|\n', '|a|b|c|\n|-|-|-|\n'],
  ['rows under a wide header', 'x\n', `${'|a'.repeat(50)}|\n${'|-'.repeat(50)}|\n`],
  ['quote, lazy lines by turns', '> a\nb\n'],
  ['headers past the table bound', '&\n`\n|-|\n!', '`'],
  ['delimiter rows past the bound', '-\n|-|', '"'],
  ['a run of *, then closers', '*', '', '*a*a*a*a'],
  ['a run of _, then closers', '_', '', 'a__ '],
];

// Once first: the first renders of a process are slower.
markdown.render(fill(shapes[0]![1]));
const prose = fastest(fill(shapes[0]![1]));
console.log(`markdown render, ${longest} characters, fastest of ${repeat} (node ${process.version})`);
// "× half": the time over the time for half the length, about 2 when it grows with the length, 4 with its square.
console.log(`${'body'.padEnd(28)}${'ms'.padStart(8)}${'× prose'.padStart(10)}${'× half'.padStart(9)}`);
for (const [name, unit, prefix, suffix] of shapes) {
  const ms = fastest(fill(unit, prefix, longest, suffix));
  const half = fastest(fill(unit, prefix, longest / 2, suffix));
  console.log(`${name.padEnd(28)}${ms.toFixed(2).padStart(8)}${(ms / prose).toFixed(1).padStart(10)}${(ms / half).toFixed(1).padStart(9)}`);
}

function described(prefix: string, unit: string, suffix: string): string {
  return `prefix ${JSON.stringify(prefix)}, unit ${JSON.stringify(unit)}, suffix ${JSON.stringify(suffix)}`;
}

const pieces = ['*', '_', '**', '`', '```', '[', ']', '(', ')', '<', '>', '!', '\\', '#', '-', '|', '~', '@a', 'a', ' ', '\n', '&', ';'];
const pieces2 = ['https://x.co', 'www.', '<!--', '-->', '1.', '---', '[x]: ', ':', '"', "'", '\t', 'a@b.c', '<a href="'];
const blockPieces = ['\n> ', '\n>> ', '\n- ', '\n|a|', '\n|-|', '\n<div>', '\n    ', '\n```'];
const alphabet = [...pieces, ...pieces2, ...blockPieces];
const pick = () => alphabet[Math.floor(Math.random() * alphabet.length)]!;
const slowest: { ms: number; prefix: string; unit: string; suffix: string }[] = [];
const failed: { prefix: string; unit: string; suffix: string; warning: string }[] = [];
const until = Date.now() + searchSeconds * 1000;
let tried = 0;
while (Date.now() < until) {
  tried++;
  const unit = Array.from({ length: 1 + Math.floor(Math.random() * 6) }, pick).join('');
  const prefix = Array.from({ length: Math.floor(Math.random() * 3) }, pick).join('');
  const suffix = Array.from({ length: Math.floor(Math.random() * 3) }, pick).join('');
  const started = performance.now();
  warnings = [];
  markdown.render(fill(unit, prefix, longest, suffix));
  slowest.push({ ms: performance.now() - started, prefix, unit, suffix });
  if (warnings.length > 0) failed.push({ prefix, unit, suffix, warning: warnings[0]!.split('\n')[0]! });
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
}
console.log(`\nrandom search, ${searchSeconds} s: ${tried} bodies of a repeated unit; the slowest, timed again (× prose, × half):`);
for (const { prefix, unit, suffix } of slowest) {
  const ms = fastest(fill(unit, prefix, longest, suffix));
  const half = fastest(fill(unit, prefix, longest / 2, suffix));
  console.log(
    `${ms.toFixed(2).padStart(8)} ms ${(ms / prose).toFixed(1).padStart(7)}× ${(ms / half).toFixed(1).padStart(5)}×  ${described(prefix, unit, suffix)}`,
  );
}
if (failed.length > 0) {
  console.log(`\nbodies marked could not render (each shown as plain text), ${failed.length}:`);
  for (const { prefix, unit, suffix, warning } of failed.slice(0, 10)) console.log(`  ${described(prefix, unit, suffix)}: ${warning}`);
}
