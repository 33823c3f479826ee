/**
 * Evaluates the matcher on labelled JSON-lines files and by grouped cross-validation.
 *
 *   npm run eval -- [FILE.jsonl ...] [--learn FILE.jsonl ...] [--folds 5] [--fold-seed 7] [--verbose] [--defaults-only]
 *                   [--floors libs/matcher/eval-floors.json] [--grid] [--write-defaults]
 *
 * Without FILEs: every *.jsonl of $EVAL_DIR (default ../shared/eval). Each file is scored with the
 * default settings (and, with --learn, after replaying the --learn files as staff decisions).
 * Cross-validation runs over the files named real-*.jsonl, grouped by where they came from (`sourceGroup`: one
 * GitHub owner or one site, one fold):
 * each fold's model is trained, calibrated and thresholded without its held-out questions, once on the
 * knowledge base alone and once with the other folds replayed as staff decisions. It is nested: each
 * fold first chooses its hyperparameters from `candidates` by grouped CV of its own training part
 * (`select`), so the figures are those of the procedure --write-defaults applies.
 * --defaults-only: the quicker CV of the current defaults, not nested.
 * --fold-seed: another partition of the sources into folds (a change worth keeping holds on several).
 * --floors fails (exit 1) when a CV figure is below the committed floor.
 * --grid prints the selection over all the real questions; --write-defaults also writes its winner, with
 * the calibration and thresholds fitted for it, into libs/matcher/src/model-defaults.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  applyPlatt,
  expectedCalibrationError,
  fitPlatt,
  lowestThresholdForPrecision,
  reliabilityTable,
  type PlattScaling,
  type ScoredOutcome,
} from '../src/calibration.js';
import { decide, type BotDecision } from '../src/decision.js';
import { defaultAnswers, Matcher, type MatchResult } from '../src/index.js';
import {
  defaultCalibration,
  defaultModelSettings,
  defaultThresholds,
  type DecisionThresholds,
  type ModelSettings,
} from '../src/model-defaults.js';
import { readEvalFile, replayStaffDecisions, sourceGroup, type EvalCase } from './eval-file.js';

const NONE = 'none';
const identity: PlattScaling = { slope: 1, intercept: 0 };

interface Prediction {
  item: EvalCase;
  result: MatchResult;
  decision: BotDecision;
}

interface Figures {
  total: number;
  answerable: number;
  answeredRight: number;
  clarifiedRight: number;
  clarified: number;
  noneTotal: number;
  noneAbstained: number;
  answersGiven: number;
  answersRight: number;
}

// ---- arguments

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const valuesOf = (name: string): string[] => {
  const index = args.indexOf(name);
  if (index < 0) return [];
  const values: string[] = [];
  for (let i = index + 1; i < args.length && !args[i]!.startsWith('--'); i++) values.push(args[i]!);
  return values;
};
const optionNames = new Set(['--learn', '--folds', '--fold-seed', '--floors']);
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (optionNames.has(args[i]!)) {
    // --learn takes one file; --folds, --fold-seed and --floors one value
    i++;
    continue;
  }
  if (!args[i]!.startsWith('--')) positional.push(args[i]!);
}
const learnFiles = args.flatMap((arg, index) => (args[index - 1] === '--learn' ? [arg] : []));
const folds = Number(valuesOf('--folds')[0] ?? 5);
const foldSeed = Number(valuesOf('--fold-seed')[0] ?? 7);
const floorsPath = valuesOf('--floors')[0];
const verbose = flag('--verbose');
const evalDir = process.env.EVAL_DIR ?? '../shared/eval';
const files = positional.length
  ? positional
  : existsSync(evalDir)
    ? readdirSync(evalDir)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => join(evalDir, name))
    : [];
if (!files.length) {
  console.error(`no eval files: pass FILE.jsonl or set EVAL_DIR (tried ${evalDir})`);
  process.exit(2);
}
process.stdout.on('error', () => process.exit(0));

// ---- scoring

const slugs = defaultAnswers.map((answer) => answer.slug);
const acceptable = (item: EvalCase): string[] => [item.label, ...(item.alt ? [item.alt] : [])];

function build(learned: EvalCase[], settings: ModelSettings, calibration: PlattScaling): Matcher {
  const knowledge = replayStaffDecisions(defaultAnswers, learned);
  return Matcher.build(knowledge.answers, { noneExamples: knowledge.noneExamples, model: settings, calibration });
}

function predict(matcher: Matcher, cases: EvalCase[], thresholds: DecisionThresholds, platt = identity): Prediction[] {
  return cases.map((item) => {
    const result = recalibrate(matcher.match({ body: item.text }), platt);
    return { item, result, decision: decide(result, thresholds) };
  });
}

/** Applies Platt scaling to a match made with the identity calibration. */
function recalibrate(result: MatchResult, platt: PlattScaling): MatchResult {
  if (platt === identity) return result;
  return {
    ...result,
    confidence: applyPlatt(platt, result.confidence),
    alternatives: result.alternatives.map((answer) => ({ ...answer, confidence: applyPlatt(platt, answer.confidence) })),
    clarifyIfUnsure: result.clarifyIfUnsure && {
      ...result.clarifyIfUnsure,
      confidence: applyPlatt(platt, result.clarifyIfUnsure.confidence),
    },
  };
}

/** The outcome calibration and the public threshold act on: the top answer (or the clarification) and whether it is right. */
function outcome(prediction: Prediction): ScoredOutcome & { clarify: boolean } {
  const { result, item } = prediction;
  const right = result.clarify
    ? result.clarify.choices.some((choice) => acceptable(item).includes(choice.slug))
    : acceptable(item).includes(result.answer ?? NONE);
  return { confidence: result.confidence, right, clarify: Boolean(result.clarify) };
}

function figures(predictions: Prediction[]): Figures {
  const f: Figures = {
    total: predictions.length,
    answerable: 0,
    answeredRight: 0,
    clarifiedRight: 0,
    clarified: 0,
    noneTotal: 0,
    noneAbstained: 0,
    answersGiven: 0,
    answersRight: 0,
  };
  for (const { item, decision } of predictions) {
    const ok = acceptable(item);
    if (decision.action === 'clarify') f.clarified++;
    if (decision.action === 'answer') {
      f.answersGiven++;
      if (ok.includes(decision.slug)) f.answersRight++;
    }
    if (item.label === NONE) {
      f.noneTotal++;
      if (decision.action !== 'answer' && decision.action !== 'clarify') f.noneAbstained++;
      continue;
    }
    f.answerable++;
    if (decision.action === 'answer' && ok.includes(decision.slug)) f.answeredRight++;
    if (decision.action === 'clarify' && decision.clarify.choices.some((choice) => ok.includes(choice.slug))) f.clarifiedRight++;
  }
  return f;
}

const ratio = (n: number, d: number): number => (d ? n / d : NaN);
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

/** The figures the targets and the CI floors are about. */
function headline(f: Figures) {
  return {
    answerableRight: ratio(f.answeredRight + f.clarifiedRight, f.answerable),
    noneAbstained: ratio(f.noneAbstained, f.noneTotal),
    precision: ratio(f.answersRight, f.answersGiven),
    clarifyRate: ratio(f.clarified, f.total),
  };
}

const tableHeader = `${'set'.padEnd(46)} ${'n'.padStart(4)}  answerable right (answer+clarify)  none abstained  public precision  answered  clarify`;
function tableRow(name: string, f: Figures): string {
  return [
    name.padEnd(46),
    String(f.total).padStart(4),
    ` ${pct(f.answeredRight + f.clarifiedRight, f.answerable).padStart(6)} (${pct(f.answeredRight, f.answerable)} + ${pct(f.clarifiedRight, f.answerable)})`.padEnd(
      34,
    ),
    `  ${pct(f.noneAbstained, f.noneTotal).padStart(6)}`.padEnd(16),
    `  ${pct(f.answersRight, f.answersGiven).padStart(6)} (${f.answersRight}/${f.answersGiven})`.padEnd(19),
    `  ${pct(f.answersGiven, f.total).padStart(6)}`,
    `  ${pct(f.clarified, f.total).padStart(6)}`,
  ].join('');
}

function perAnswer(predictions: Prediction[]): void {
  console.log('  per answer (public answers)          precision            recall');
  for (const slug of slugs) {
    const answered = predictions.filter((p) => p.decision.action === 'answer' && p.decision.slug === slug);
    const precise = answered.filter((p) => acceptable(p.item).includes(slug)).length;
    const relevant = predictions.filter((p) => p.item.label === slug);
    const found = relevant.filter((p) => p.decision.action === 'answer' && p.decision.slug === slug).length;
    console.log(
      `  ${slug.padEnd(34)} ${pct(precise, answered.length).padStart(6)} (${precise}/${answered.length})`.padEnd(58) +
        `${pct(found, relevant.length).padStart(6)} (${found}/${relevant.length})`,
    );
  }
}

function reliability(outcomes: ScoredOutcome[]): void {
  console.log('  reliability (confidence of the top answer or clarification, every question)');
  console.log('    bucket        n   mean confidence   share right');
  for (const bucket of reliabilityTable(outcomes)) {
    console.log(
      `    [${bucket.low.toFixed(1)}, ${bucket.high.toFixed(1)})  ${String(bucket.count).padStart(4)}   ${bucket.meanConfidence.toFixed(3).padStart(15)}   ${pct(bucket.shareRight * bucket.count, bucket.count).padStart(11)}`,
    );
  }
  console.log(`    ECE ${expectedCalibrationError(outcomes).toFixed(3)}`);
}

function errors(predictions: Prediction[]): void {
  for (const p of predictions) {
    const { decision, item } = p;
    const shown = decision.action === 'answer' || decision.action === 'review' ? `${decision.action}:${decision.slug}` : decision.action;
    const right =
      item.label === NONE
        ? decision.action !== 'answer' && decision.action !== 'clarify'
        : outcome(p).right && decision.action !== 'review';
    if (!right) console.log(`  x ${item.id} [${acceptable(item).join('|')}] -> ${shown} ${p.result.confidence.toFixed(3)}`);
  }
}

// ---- calibration and thresholds on held-out predictions

interface Fitted {
  calibration: PlattScaling;
  thresholds: DecisionThresholds;
  /** Whether held-out precision of public answers reached the target at some threshold. */
  reached: boolean;
}

const publicPrecision = 0.95;
const reviewPrecision = 0.75;
/**
 * A public or review threshold must keep at least this share of the answers it is fitted on. Precision
 * measured on fewer (say 30 of 170 answers) cannot tell 0.95 from 0.90, yet a first crossing there sent
 * whole folds to thresholds of 0.9 and more: CV figures swung by 10 to 20 points between neighbouring
 * settings whose rankings were alike.
 */
const minimumShareOfAnswers = 0.3;

/**
 * Fits Platt scaling and the thresholds on predictions made with the identity calibration: public
 * answers from the lowest confidence with precision >= 0.95 (the best precision when none reaches it),
 * staff review from the lowest with precision >= 0.75, each keeping at least `minimumShareOfAnswers`.
 */
function fitDecisions(predictions: Prediction[]): Fitted {
  const raw = predictions.map(outcome);
  const calibration = fitPlatt(raw);
  const calibrated = raw.map((o) => ({ ...o, confidence: applyPlatt(calibration, o.confidence) }));
  const answers = calibrated.filter((o) => !o.clarify);
  const clarifications = calibrated.filter((o) => o.clarify);
  const answer = lowestThresholdForPrecision(answers, publicPrecision, 20, minimumShareOfAnswers);
  const review = Math.min(answer.threshold, lowestThresholdForPrecision(answers, reviewPrecision, 20, minimumShareOfAnswers).threshold);
  const clarify = lowestThresholdForPrecision(clarifications, publicPrecision, 5);
  return {
    calibration,
    thresholds: { answer: answer.threshold, review, clarify: clarify.reached ? clarify.threshold : answer.threshold },
    reached: answer.reached,
  };
}

/** Predictions re-read with a fitted calibration and decided by its thresholds. */
function applyFitted(predictions: Prediction[], fitted: Fitted): Prediction[] {
  return predictions.map(({ item, result }) => {
    const calibrated = recalibrate(result, fitted.calibration);
    return { item, result: calibrated, decision: decide(calibrated, fitted.thresholds) };
  });
}

// ---- grouped cross-validation

function groupedFolds(cases: EvalCase[], k: number): EvalCase[][] {
  const groups = new Map<string, EvalCase[]>();
  for (const item of cases) {
    const key = sourceGroup(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, foldSeed);
  const ordered = [...groups.entries()].sort((a, b) => hash(a[0]) - hash(b[0]) || a[0].localeCompare(b[0]));
  const result: EvalCase[][] = Array.from({ length: k }, () => []);
  // largest groups first onto the smallest fold, so folds stay even
  for (const [, group] of ordered.sort((a, b) => b[1].length - a[1].length)) {
    result.sort((a, b) => a.length - b.length)[0]!.push(...group);
  }
  return result;
}

/**
 * Predictions (identity calibration) of the model trained on the knowledge base alone. It depends on
 * the settings only (not on any eval question), so one model per setting serves every fold.
 */
const knowledgeBasePredictions = new Map<string, Map<EvalCase, Prediction>>();
function knowledgeBaseOnly(settings: ModelSettings, cases: EvalCase[]): Prediction[] {
  // learnedWeight weighs staff decisions, and this model has none
  const key = JSON.stringify({ ...settings, learnedWeight: 0 });
  let known = knowledgeBasePredictions.get(key);
  if (!known) knowledgeBasePredictions.set(key, (known = new Map()));
  const missing = cases.filter((item) => !known.has(item));
  if (missing.length)
    for (const prediction of predict(build([], settings, identity), missing, defaultThresholds)) known.set(prediction.item, prediction);
  return cases.map((item) => known.get(item)!);
}

/** Each part predicted (identity calibration) by a model that learned the other parts as staff decisions. */
function learnedOutOfFold(parts: EvalCase[][], settings: ModelSettings): Prediction[][] {
  return parts.map((part, index) =>
    predict(build(parts.filter((_, other) => other !== index).flat(), settings, identity), part, defaultThresholds),
  );
}

/** Each part decided by the calibration and thresholds fitted on the other parts' predictions. */
function crossFitted(parts: Prediction[][]): Prediction[] {
  return parts.flatMap((part, index) => applyFitted(part, fitDecisions(parts.filter((_, other) => other !== index).flat())));
}

/**
 * What the hyperparameter selection maximises, per question: right outcomes (an answerable question
 * answered or clarified right, a `none` question left alone) less twice the wrong public answers.
 */
function utility(f: Figures): number {
  return (f.answeredRight + f.clarifiedRight + f.noneAbstained - 2 * (f.answersGiven - f.answersRight)) / f.total;
}

/**
 * The hyperparameters the selection chooses from. The product has one setting for both rows of the
 * CV table, so each candidate is scored by the sum of its two utilities.
 */
const candidates: ModelSettings[] = [];
for (const l2 of [0.001, 0.003]) {
  for (const nearestWeight of [1, 2]) {
    for (const learnedWeight of [0.25, 0.5, 1]) candidates.push({ ...defaultModelSettings, l2, nearestWeight, learnedWeight });
  }
}

interface Scored {
  settings: ModelSettings;
  knowledgeBase: Figures;
  learning: Figures;
  score: number;
}

interface Selection {
  settings: ModelSettings;
  /** The chosen setting's out-of-fold predictions with staff learning: the calibration set of a model that learned all of `training`. */
  learnedParts: Prediction[][];
  scored: Scored[];
}

/** Chooses hyperparameters by grouped k-fold CV over `training` alone (recalibrating per fold, as the outer CV does). */
function select(training: EvalCase[], k: number): Selection {
  const parts = groupedFolds(training, k);
  let best: Selection | undefined;
  const scored: Scored[] = [];
  for (const settings of candidates) {
    const plainParts = parts.map((part) => knowledgeBaseOnly(settings, part));
    const learnedParts = learnedOutOfFold(parts, settings);
    const knowledgeBase = figures(crossFitted(plainParts));
    const learning = figures(crossFitted(learnedParts));
    const score = utility(knowledgeBase) + utility(learning);
    scored.push({ settings, knowledgeBase, learning, score });
    if (!best || score > best.scored[0]!.score + 1e-12) best = { settings, learnedParts, scored: [scored.at(-1)!] };
  }
  return { ...best!, scored };
}

interface CrossValidation {
  predictions: Prediction[];
  thresholds: Array<DecisionThresholds & { reached: boolean }>;
  /** The hyperparameters each fold used. */
  settings: ModelSettings[];
}

/**
 * Held-out predictions of every case, knowledge base only and with the other folds replayed as staff
 * decisions. Each fold's model is trained, calibrated and thresholded without its held-out questions;
 * `nested` also chooses each fold's hyperparameters by inner grouped folds of its training part.
 */
function crossValidate(cases: EvalCase[], k: number, nested: boolean): [CrossValidation, CrossValidation] {
  const partition = groupedFolds(cases, k);
  const knowledgeBase: CrossValidation = { predictions: [], thresholds: [], settings: [] };
  const learning: CrossValidation = { predictions: [], thresholds: [], settings: [] };
  for (let fold = 0; fold < k; fold++) {
    const heldOut = partition[fold]!;
    const others = partition.filter((_, index) => index !== fold);
    const training = others.flat();
    const { settings, learnedParts } = nested
      ? select(training, k - 1)
      : { settings: defaultModelSettings, learnedParts: learnedOutOfFold(others, defaultModelSettings) };

    const plain = fitDecisions(knowledgeBaseOnly(settings, training));
    knowledgeBase.predictions.push(...applyFitted(knowledgeBaseOnly(settings, heldOut), plain));
    knowledgeBase.thresholds.push({ ...plain.thresholds, reached: plain.reached });
    knowledgeBase.settings.push(settings);

    const learned = fitDecisions(learnedParts.flat());
    learning.predictions.push(...applyFitted(predict(build(training, settings, identity), heldOut, defaultThresholds), learned));
    learning.thresholds.push({ ...learned.thresholds, reached: learned.reached });
    learning.settings.push(settings);
  }
  return [knowledgeBase, learning];
}

const describeSettings = (s: ModelSettings) => `l2=${s.l2} nearest=${s.nearestWeight} learned=${s.learnedWeight}`;

// ---- main

const loaded = new Map(files.map((file) => [file, readEvalFile(file)]));
const learned = learnFiles.flatMap((file) => readEvalFile(file));
const realFiles = files.filter((file) => basename(file).startsWith('real-'));
const realCases = realFiles.flatMap((file) => loaded.get(file)!);

if (flag('--write-defaults')) writeDefaults();
else if (flag('--grid')) printSelection(select(realCases, folds));
else main();

function main(): void {
  const plain = Matcher.build(defaultAnswers);
  const withLearning = learned.length ? build(learned, defaultModelSettings, defaultCalibration) : null;
  console.log(
    `default settings: ${describeSettings(defaultModelSettings)}; public answer >= ${defaultThresholds.answer}, clarify >= ${defaultThresholds.clarify}, review >= ${defaultThresholds.review}`,
  );
  console.log(tableHeader);
  const perFile: Array<[string, Prediction[]]> = [];
  for (const [file, cases] of loaded) {
    const predictions = predict(plain, cases, defaultThresholds);
    perFile.push([basename(file), predictions]);
    console.log(tableRow(basename(file), figures(predictions)));
    if (withLearning) {
      const unseen = cases.filter((item) => !learned.some((known) => known.text === item.text));
      const learnedPredictions = predict(withLearning, unseen, defaultThresholds);
      perFile.push([`${basename(file)} after --learn`, learnedPredictions]);
      console.log(tableRow(`  after --learn ${learnFiles.map((f) => basename(f)).join(' ')} (unseen)`, figures(learnedPredictions)));
    }
  }

  let cvRows: Array<[string, CrossValidation]> = [];
  if (realCases.length) {
    const nested = !flag('--defaults-only');
    const [knowledgeBase, learning] = crossValidate(realCases, folds, nested);
    cvRows = [
      ['CV knowledge base only', knowledgeBase],
      ['CV with staff learning (other folds replayed)', learning],
    ];
    console.log(
      `\n${nested ? `nested grouped ${folds}-fold cross-validation (hyperparameters chosen per fold by inner grouped ${folds - 1}-fold CV of its training part, from ${candidates.length} candidates)` : `grouped ${folds}-fold cross-validation with the default hyperparameters`} by source over ${realFiles.map((f) => basename(f)).join(', ')} (${realCases.length} questions)`,
    );
    console.log(tableHeader);
    for (const [name, cv] of cvRows) console.log(tableRow(name, figures(cv.predictions)));
    if (nested) console.log(`hyperparameters per fold: ${knowledgeBase.settings.map(describeSettings).join(' | ')}`);
    for (const [name, cv] of cvRows) {
      console.log(
        `\n${name}: thresholds per fold (answer/clarify/review) ${cv.thresholds.map((t) => `${t.answer}/${t.clarify}/${t.review}${t.reached ? '' : ' (0.95 not reached: best precision)'}`).join('  ')}`,
      );
      perAnswer(cv.predictions);
      reliability(cv.predictions.map(outcome));
      if (verbose) errors(cv.predictions);
    }
  }
  for (const [name, predictions] of perFile) {
    console.log(`\n${name} (default settings)`);
    perAnswer(predictions);
    reliability(predictions.map(outcome));
    if (verbose) errors(predictions);
  }

  if (floorsPath) checkFloors(cvRows);
}

function checkFloors(cvRows: Array<[string, CrossValidation]>): void {
  const floors = JSON.parse(readFileSync(floorsPath!, 'utf8')) as Record<string, Record<string, number>>;
  const measured: Record<string, ReturnType<typeof headline>> = {
    knowledgeBaseOnly: headline(figures(cvRows[0]![1].predictions)),
    withStaffLearning: headline(figures(cvRows[1]![1].predictions)),
  };
  const failures: string[] = [];
  for (const [row, limits] of Object.entries(floors)) {
    for (const [name, limit] of Object.entries(limits)) {
      const value = measured[row]?.[name.replace(/Max$/, '') as keyof ReturnType<typeof headline>];
      if (value === undefined || Number.isNaN(value)) failures.push(`${row}.${name}: not measured`);
      else if (name.endsWith('Max') ? value > limit : value < limit) failures.push(`${row}.${name}: ${value.toFixed(3)} (limit ${limit})`);
    }
  }
  if (failures.length) {
    console.error(`\neval floors (${floorsPath}) not met:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`\neval floors (${floorsPath}) met`);
}

function printSelection(selection: Selection): void {
  console.log(
    `hyperparameter selection by grouped ${folds}-fold CV over ${realCases.length} questions (each fold recalibrated; score: utility KB only + utility with staff learning)`,
  );
  const show = (f: Figures) => {
    const h = headline(f);
    return `answerable ${h.answerableRight.toFixed(3)} none ${h.noneAbstained.toFixed(3)} precision ${h.precision.toFixed(3)} clarify ${h.clarifyRate.toFixed(3)}`;
  };
  for (const row of selection.scored) {
    console.log(
      `${row.settings === selection.settings ? '*' : ' '} ${describeSettings(row.settings)}  score ${row.score.toFixed(3)}\n    kb only: ${show(row.knowledgeBase)}\n    learn:   ${show(row.learning)}`,
    );
  }
}

/** Runs the selection on all the real questions and writes the chosen settings, calibration and thresholds. */
function writeDefaults(): void {
  const selection = select(realCases, folds);
  printSelection(selection);
  const { settings } = selection;
  // The model trained on the knowledge base alone has seen none of these questions.
  const fitted = fitDecisions(knowledgeBaseOnly(settings, realCases));
  const path = new URL('../src/model-defaults.ts', import.meta.url);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  let source = readFileSync(path, 'utf8');
  source = source.replace(/export const defaultModelSettings: ModelSettings = \{[\s\S]*?\n\};/, (block) => {
    for (const field of ['l2', 'nearestWeight', 'learnedWeight'] as const) {
      block = block.replace(new RegExp(`(\\n  ${field}: )[^,\\n]+,`), `$1${settings[field]},`);
    }
    return block;
  });
  source = source.replace(
    /export const defaultCalibration: PlattScaling = \{[^}]*\};/,
    `export const defaultCalibration: PlattScaling = { slope: ${round(fitted.calibration.slope)}, intercept: ${round(fitted.calibration.intercept)} };`,
  );
  source = source.replace(
    /export const defaultThresholds: DecisionThresholds = \{[^}]*\};/,
    `export const defaultThresholds: DecisionThresholds = { answer: ${fitted.thresholds.answer}, review: ${fitted.thresholds.review}, clarify: ${fitted.thresholds.clarify} };`,
  );
  writeFileSync(path, source);
  console.log(`wrote ${path.pathname}: ${describeSettings(settings)} ${JSON.stringify(fitted)}`);
  if (!fitted.reached)
    console.log(
      `held-out precision ${publicPrecision} was not reached at any threshold: the public threshold is the one with the best precision`,
    );
}
