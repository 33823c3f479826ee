/**
 * Benchmarks the matcher and the similar-thread index:
 *   npx tsx libs/matcher/scripts/bench.ts [--sizes 1000,10000,100000]
 * Reports the matcher's build (training) time at the built-in size and at 5,000 examples, the longest
 * event-loop pause while it rebuilds (`Matcher.build` against `Matcher.buildAsync`), p50/p99 of
 * `match`, of `ThreadIndex.similar` at each size, heap used, and a
 * plain `natural` TfIdf scan over the same threads as a baseline.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createNaturalTfIdf } from '../src/natural.js';
import { defaultAnswers, Matcher, ThreadIndex, type CanonicalAnswerDocument } from '../src/index.js';

const sizesArgument = process.argv.indexOf('--sizes');
const sizes = (sizesArgument >= 0 ? process.argv[sizesArgument + 1]! : '1000,10000,100000').split(',').map(Number);

// A small deterministic generator, so every run sees the same texts.
let seed = 42;
const random = (): number => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const devices = [
  'phone',
  'iPhone',
  'Android phone',
  'Pixel',
  'iPad',
  'laptop',
  'MacBook',
  'Windows PC',
  'work computer',
  'Chromebook',
  'tablet',
];
const apps = [
  'authenticator app',
  'Google Authenticator',
  'Authy',
  'Microsoft Authenticator',
  'the browser extension',
  'the desktop app',
  'the web vault',
  'the mobile app',
  'the CLI',
];
const troubles = [
  'was stolen',
  'broke',
  'got wiped',
  'was reset to factory settings',
  'stopped syncing',
  'crashed after the update',
  'is very slow',
  'will not unlock',
  'logs me out',
  'shows a blank screen',
];
const topics = [
  'two-factor authentication',
  'backup codes',
  'the QR code',
  'my Secret Key',
  'the Emergency Kit',
  'autofill',
  'passkeys',
  'a YubiKey',
  'SMS codes',
  'vault sharing',
  'CSV import',
  'password export',
  'Watchtower alerts',
  'Touch ID unlock',
  'travel mode',
  'the family plan',
  'billing',
  'SSH keys',
  'credit card filling',
  'dark mode',
  'one-time passwords in items',
];
const asks = [
  'How do I fix this?',
  'Any ideas?',
  'Is this a known bug?',
  'What should I do now?',
  'Please help.',
  'Is there a setting for it?',
  'Did I miss a step?',
];
const openers = ['Hi all,', 'Hello,', 'Quick question:', 'Since yesterday', 'After the last update', 'When I set things up', ''];
const fillers = [
  'I tried restarting.',
  'I reinstalled twice.',
  'My husband has the same issue.',
  'It worked fine last week.',
  'I checked the docs but found nothing.',
  'Support pages did not help.',
  '',
];

function threadText(): { title: string; body: string } {
  const topic = pick(topics);
  const title = `${pick(['Problem with', 'Question about', 'Help with', 'Cannot use', 'Issue:'])} ${topic} on my ${pick(devices)}`;
  const body = [
    pick(openers),
    `my ${pick(devices)} ${pick(troubles)} and ${pick(apps)} ${pick(['asks about', 'no longer shows', 'keeps failing with', 'hides'])} ${topic}.`,
    `I use ${pick(apps)} on my ${pick(devices)} and ${pick(devices)}.`,
    pick(fillers),
    pick(asks),
  ].join(' ');
  return { title, body };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const heap = (): number => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers; // the index keeps its postings in typed arrays, outside the JS heap
};

/** CPU milliseconds this process spent in `run` (on a busy machine, closer to the unloaded wall time). */
function cpuTime(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function time(run: () => void, repeat: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

// Matcher build (training the classifier), at the real size and with 5,000 examples: the knowledge
// base after a lot of staff decisions (learned examples of the four answers and of none).
const buildDefault = time(() => Matcher.build(defaultAnswers), 10);
const learnedTexts = (count: number) =>
  Array.from({ length: count }, () => {
    const { title, body } = threadText();
    return `${title}. ${body}`;
  });
const bigExampleCount = 5000;
const perClass = Math.floor((bigExampleCount - defaultAnswers.reduce((n, a) => n + a.examples.length, 0)) / (defaultAnswers.length + 1));
const bigKnowledgeBase: CanonicalAnswerDocument[] = defaultAnswers.map((answer) => ({
  ...answer,
  learnedExamples: learnedTexts(perClass),
}));
const exampleCount = (answers: CanonicalAnswerDocument[]) =>
  answers.reduce((n, a) => n + a.examples.length + (a.learnedExamples?.length ?? 0), 0);
const bigNone = learnedTexts(bigExampleCount - exampleCount(bigKnowledgeBase));
const bigBuildSamples = time(() => Matcher.build(bigKnowledgeBase, { noneExamples: bigNone }), 3);
const bigBuildCpu = cpuTime(() => Matcher.build(bigKnowledgeBase, { noneExamples: bigNone }));
const totalBig = exampleCount(bigKnowledgeBase) + bigNone.length;
console.log(
  `Matcher.build (4 answers, ${defaultAnswers.reduce((n, a) => n + a.examples.length, 0)} examples + built-in near misses): p50 ${ms(percentile(buildDefault, 50))}`,
);
console.log(
  `Matcher.build (4 answers + none, ${totalBig} examples + built-in near misses), from scratch: p50 ${ms(percentile(bigBuildSamples, 50))}, max ${ms(Math.max(...bigBuildSamples))}, CPU ${ms(bigBuildCpu)}`,
);
// What the API does on a knowledge-base change: one more staff decision, training from the current weights.
let current = Matcher.build(bigKnowledgeBase, { noneExamples: bigNone });
const rebuildCpu: number[] = [];
const rebuildSamples = learnedTexts(5).map((text, index) => {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const changed =
    index % 2 === 0
      ? {
          answers: bigKnowledgeBase.map((answer, a) =>
            a === index % 4 ? { ...answer, learnedExamples: [...answer.learnedExamples!, text] } : answer,
          ),
          none: bigNone,
        }
      : { answers: bigKnowledgeBase, none: [...bigNone, text] };
  current = Matcher.build(changed.answers, { noneExamples: changed.none, previous: current });
  const cpu = process.cpuUsage(cpuStart);
  rebuildCpu.push((cpu.user + cpu.system) / 1000);
  return performance.now() - start;
});
console.log(
  `rebuild after one more staff decision at ${totalBig} examples (the API's path): p50 ${ms(percentile(rebuildSamples, 50))}, max ${ms(Math.max(...rebuildSamples))}, CPU p50 ${ms(percentile(rebuildCpu, 50))}`,
);

/**
 * The longest the event loop waited during `run` (the largest gap of a `setImmediate` ticker: how long a
 * request arriving then would wait before the server reads it), in wall and in CPU time (on a busy
 * machine the wall time also counts the turns of other processes), and run's wall time.
 */
async function eventLoopPause(run: () => unknown): Promise<{ pause: number; pauseCpu: number; wall: number }> {
  let longest = 0;
  let longestCpu = 0;
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  let running = true;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - lastTick);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    lastTick = now;
    lastCpu = process.cpuUsage();
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await new Promise((resolve) => setImmediate(resolve));
  const start = performance.now();
  [longest, longestCpu, lastTick, lastCpu] = [0, 0, start, process.cpuUsage()];
  await run();
  const end = performance.now();
  running = false;
  tick();
  return { pause: longest, pauseCpu: longestCpu, wall: end - start };
}

const withOneMoreDecision = (answers: CanonicalAnswerDocument[], text: string): CanonicalAnswerDocument[] =>
  answers.map((answer, index) => (index === 0 ? { ...answer, learnedExamples: [...(answer.learnedExamples ?? []), text] } : answer));
const builtInMatcher = Matcher.build(defaultAnswers);
const pauseCases: Array<[name: string, answers: () => CanonicalAnswerDocument[], noneExamples: string[], previous?: Matcher]> = [
  ['built-in knowledge base, one more staff decision', () => withOneMoreDecision(defaultAnswers, learnedTexts(1)[0]!), [], builtInMatcher],
  [`${totalBig} examples from scratch`, () => bigKnowledgeBase, bigNone],
  [`${totalBig} examples, one more staff decision`, () => withOneMoreDecision(bigKnowledgeBase, learnedTexts(1)[0]!), bigNone, current],
];
// With `build`, the longest pause is the whole build.
for (const [name, answers, noneExamples, previous] of pauseCases) {
  const atOnce: Array<{ pause: number; pauseCpu: number; wall: number }> = [];
  const inSlices: typeof atOnce = [];
  for (let run = 0; run < 3; run++) {
    const changed = answers();
    inSlices.push(await eventLoopPause(() => Matcher.buildAsync(changed, { noneExamples, previous })));
    atOnce.push(await eventLoopPause(() => Matcher.build(changed, { noneExamples, previous })));
  }
  const longest = (runs: typeof atOnce, key: 'pause' | 'pauseCpu' | 'wall') => ms(Math.max(...runs.map((run) => run[key])));
  console.log(
    `rebuild (${name}), of 3 runs: longest event-loop pause: build ${longest(atOnce, 'pause')} (CPU ${longest(atOnce, 'pauseCpu')}), buildAsync ${longest(inSlices, 'pause')} (CPU ${longest(inSlices, 'pauseCpu')}); longest wall time: build ${longest(atOnce, 'wall')}, buildAsync ${longest(inSlices, 'wall')}`,
  );
}

const questions = Array.from({ length: 2000 }, () => threadText());
for (const [name, matcher] of [
  ['built-in knowledge base', Matcher.build(defaultAnswers)],
  [`${totalBig} examples`, Matcher.build(bigKnowledgeBase, { noneExamples: bigNone })],
] as const) {
  for (const question of questions.slice(0, 200)) matcher.match(question); // warm up
  const matchCpu: number[] = [];
  const matchSamples = questions.map((question) => {
    const cpuStart = process.cpuUsage();
    const wall = time(() => matcher.match(question), 1)[0]!;
    const cpu = process.cpuUsage(cpuStart);
    matchCpu.push((cpu.user + cpu.system) / 1000);
    return wall;
  });
  console.log(
    `match (${name}): p50 ${ms(percentile(matchSamples, 50))}, p99 ${ms(percentile(matchSamples, 99))}; CPU p50 ${ms(percentile(matchCpu, 50))}, p99 ${ms(percentile(matchCpu, 99))} (${questions.length} generated questions)`,
  );
}

console.log('\nsimilar threads       insert total   similar p50   similar p99   heap+buffers| natural TfIdf scan p50   p99');
for (const size of sizes) {
  const threads = Array.from({ length: size }, (_, index) => ({ id: `t${index}`, solved: random() < 0.4, ...threadText() }));
  const before = heap();
  const index = new ThreadIndex();
  const insertStart = performance.now();
  for (const thread of threads) index.upsert(thread);
  const insertMs = performance.now() - insertStart;
  const heapUsed = heap() - before;
  const queries = Array.from({ length: 500 }, () => threadText());
  for (const query of queries.slice(0, 50)) index.similar(query); // warm up
  const similarSamples = queries.map((query) => time(() => index.similar(query, { limit: 5 }), 1)[0]!);

  // Baseline: natural's TfIdf scores every document for every query.
  const tfidf = createNaturalTfIdf();
  for (const thread of threads) tfidf.addDocument(`${thread.title} ${thread.body}`);
  const baselineQueries = queries.slice(0, size >= 100000 ? 10 : 50);
  const baselineSamples = baselineQueries.map((query) => time(() => tfidf.tfidfs(`${query.title} ${query.body}`), 1)[0]!);
  console.log(
    `${String(size).padStart(7)} threads   ${ms(insertMs).padStart(12)}   ${ms(percentile(similarSamples, 50)).padStart(11)}   ${ms(percentile(similarSamples, 99)).padStart(11)}   ${mb(heapUsed).padStart(9)}   | ${ms(percentile(baselineSamples, 50)).padStart(12)}   ${ms(percentile(baselineSamples, 99)).padStart(12)}`,
  );
}
console.log(`load average while running: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (wall-clock figures grow with it)`);
console.log(`\nheap used at the end: ${mb(heap())}${globalThis.gc ? '' : ' (run node with --expose-gc for per-size heap figures)'}`);
