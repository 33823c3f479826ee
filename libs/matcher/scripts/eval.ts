/**
 * Evaluates the built-in matcher on a labelled JSON-lines file:
 *   npx tsx libs/matcher/scripts/eval.ts FILE.jsonl [--verbose] [--half even|odd] [--cv K]
 * --half even|odd keeps one half of the file (by numeric id).
 * --cv K re-tunes the abstention threshold and the "none" bias on K-1 folds and scores the held-out
 * fold, so the figure is not flattered by tuning on the same questions.
 */
import { defaultAnswers, Matcher, type MatcherOptions } from '../src/index.js';
import { readEvalFile, type EvalCase } from './eval-file.js';

const NONE = 'none';
const CLARIFY = 'clarify';

interface Prediction {
  item: EvalCase;
  answer: string | null;
  confidence: number;
  clarify: [string, string] | null;
}

interface Summary {
  total: number;
  answerable: number;
  answeredRight: number;
  clarifiedRight: number;
  clarified: number;
  noneTotal: number;
  noneAbstained: number;
  overallStrict: number;
  overallWithClarify: number;
}

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && !/^(\d+|even|odd)$/.test(arg));
const verbose = args.includes('--verbose');
const cvIndex = args.indexOf('--cv');
const folds = cvIndex >= 0 ? Number(args[cvIndex + 1] ?? 5) : 0;
const splitIndex = args.indexOf('--half');
// --half even|odd keeps the questions whose numeric id is even or odd (a tuning half and a held-out half).
const half = splitIndex >= 0 ? args[splitIndex + 1] : undefined;
if (!file) {
  console.error('usage: eval.ts FILE.jsonl [--verbose] [--half even|odd] [--cv K]');
  process.exit(2);
}

const items = readEvalFile(file).filter((item) => !half || Number(item.id.replace(/\D/g, '')) % 2 === (half === 'even' ? 0 : 1));
process.stdout.on('error', () => process.exit(0));
const slugs = defaultAnswers.map((answer) => answer.slug);

function predict(matcher: Matcher, cases: EvalCase[]): Prediction[] {
  return cases.map((item) => {
    const result = matcher.match({ body: item.text });
    const clarify = result.clarify ? ([result.clarify.choices[0].slug, result.clarify.choices[1].slug] as [string, string]) : null;
    return { item, answer: result.answer, confidence: result.confidence, clarify };
  });
}

const acceptable = (item: EvalCase): string[] => [item.label, ...(item.alt ? [item.alt] : [])];
const predicted = (p: Prediction): string => (p.clarify ? CLARIFY : (p.answer ?? NONE));
const isRight = (p: Prediction): boolean => !p.clarify && acceptable(p.item).includes(p.answer ?? NONE);
const isClarifiedRight = (p: Prediction): boolean => Boolean(p.clarify) && acceptable(p.item).some((slug) => p.clarify!.includes(slug));

function summarize(predictions: Prediction[]): Summary {
  const answerable = predictions.filter((p) => p.item.label !== NONE);
  const nones = predictions.filter((p) => p.item.label === NONE);
  const answeredRight = answerable.filter(isRight).length;
  const clarifiedRight = predictions.filter(isClarifiedRight).length;
  const right = predictions.filter(isRight).length;
  return {
    total: predictions.length,
    answerable: answerable.length,
    answeredRight,
    clarifiedRight,
    clarified: predictions.filter((p) => p.clarify).length,
    noneTotal: nones.length,
    noneAbstained: nones.filter((p) => !p.answer && !p.clarify).length,
    overallStrict: right / predictions.length,
    overallWithClarify: (right + clarifiedRight) / predictions.length,
  };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

function report(predictions: Prediction[]): void {
  const s = summarize(predictions);
  console.log(`file: ${file}${half ? ` (${half} ids only)` : ''} (${s.total} questions: ${s.answerable} answerable, ${s.noneTotal} none)`);
  console.log(`accuracy on answerable questions: ${pct(s.answeredRight, s.answerable)} (${s.answeredRight}/${s.answerable})`);
  console.log(
    `  + answered with the clarifying question, label among its choices: ${s.clarifiedRight} more -> ${pct(s.answeredRight + s.clarifiedRight, s.answerable)}`,
  );
  console.log(`correct abstention on none: ${pct(s.noneAbstained, s.noneTotal)} (${s.noneAbstained}/${s.noneTotal})`);
  console.log(`clarifying question asked: ${pct(s.clarified, s.total)} of questions (${s.clarified}), right choices ${s.clarifiedRight}`);
  console.log(
    `overall (all questions): strict ${pct(s.overallStrict * s.total, s.total)}, counting right clarifications ${pct(s.overallWithClarify * s.total, s.total)}`,
  );

  console.log('\nper answer            precision        recall');
  for (const slug of slugs) {
    const answered = predictions.filter((p) => !p.clarify && p.answer === slug);
    const precise = answered.filter((p) => acceptable(p.item).includes(slug)).length;
    const relevant = predictions.filter((p) => p.item.label === slug);
    const found = relevant.filter((p) => !p.clarify && p.answer === slug).length;
    console.log(
      `${slug.padEnd(32)} ${pct(precise, answered.length).padStart(6)} (${precise}/${answered.length})  ${pct(found, relevant.length).padStart(6)} (${found}/${relevant.length})`,
    );
  }
  const answered = predictions.filter((p) => p.answer);
  const answeredPrecise = answered.filter(isRight).length;
  console.log(`all answers given: precision ${pct(answeredPrecise, answered.length)} (${answeredPrecise}/${answered.length})`);

  const columns = [...slugs, CLARIFY, NONE];
  const short = (slug: string) =>
    slug
      .split('-')
      .map((word) => word[0])
      .join('')
      .slice(0, 5);
  console.log('\nconfusion (rows: label, columns: prediction)');
  console.log(`${''.padEnd(32)}${columns.map((c) => short(c).padStart(7)).join('')}`);
  for (const row of [...slugs, NONE]) {
    const cells = columns.map((column) =>
      String(predictions.filter((p) => p.item.label === row && predicted(p) === column).length).padStart(7),
    );
    console.log(`${row.padEnd(32)}${cells.join('')}`);
  }
  console.log(`(${columns.map((c) => `${short(c)}=${c}`).join(', ')})`);

  console.log('\nconfidence threshold: share answered, precision of those answers');
  for (const threshold of [0.45, 0.6, 0.75, 0.9]) {
    const kept = answered.filter((p) => p.confidence >= threshold);
    console.log(
      `  >= ${threshold.toFixed(2)}: ${pct(kept.length, predictions.length)} answered, precision ${pct(kept.filter(isRight).length, kept.length)}`,
    );
  }
  console.log('calibration of answers (confidence bin: mean confidence vs share right)');
  for (const [low, high] of [
    [0.45, 0.6],
    [0.6, 0.75],
    [0.75, 0.9],
    [0.9, 1.01],
  ] as const) {
    const bin = answered.filter((p) => p.confidence >= low && p.confidence < high);
    const mean = bin.reduce((sum, p) => sum + p.confidence, 0) / (bin.length || 1);
    console.log(
      `  [${low.toFixed(2)}, ${Math.min(high, 1).toFixed(2)}): n=${bin.length}, mean ${mean.toFixed(2)}, right ${pct(bin.filter(isRight).length, bin.length)}`,
    );
  }

  if (verbose) {
    console.log('\nerrors:');
    for (const p of predictions) {
      if (isRight(p)) continue;
      const mark = isClarifiedRight(p) ? '~' : 'x';
      console.log(
        `${mark} ${p.item.id} [${acceptable(p.item).join('|')}] -> ${predicted(p)} ${p.confidence}  ${p.item.text.slice(0, 140)}`,
      );
    }
  }
}

function crossValidate(k: number): void {
  const grid: MatcherOptions[] = [];
  for (const abstainBelow of [0.35, 0.45, 0.55, 0.65]) {
    for (const noneBias of [0.4, 0.8, 1.2, 1.6, 2]) grid.push({ abstainBelow, noneBias });
  }
  const matchers = grid.map((options) => Matcher.build(defaultAnswers, options));
  const order = items.map((item, index) => ({ item, key: (index * 7919) % items.length })).sort((a, b) => a.key - b.key);
  const heldOut: Prediction[] = [];
  const chosen: string[] = [];
  for (let fold = 0; fold < k; fold++) {
    const test = order.filter((_, index) => index % k === fold).map((entry) => entry.item);
    const train = order.filter((_, index) => index % k !== fold).map((entry) => entry.item);
    let best = 0;
    let bestScore = -1;
    matchers.forEach((matcher, index) => {
      const score = summarize(predict(matcher, train)).overallWithClarify;
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    chosen.push(JSON.stringify(grid[best]));
    heldOut.push(...predict(matchers[best]!, test));
  }
  console.log(`\n${k}-fold cross-validation (threshold and none bias re-tuned on the other folds): ${chosen.join(' ')}`);
  const s = summarize(heldOut);
  console.log(
    `  held-out: answerable ${pct(s.answeredRight, s.answerable)} (+clarify ${pct(s.answeredRight + s.clarifiedRight, s.answerable)}), none abstained ${pct(s.noneAbstained, s.noneTotal)}, overall strict ${pct(s.overallStrict * s.total, s.total)}, with clarify ${pct(s.overallWithClarify * s.total, s.total)}`,
  );
}

report(predict(Matcher.build(defaultAnswers), items));
if (folds > 1) crossValidate(folds);
