/**
 * Prints what the bot does with each question, with the default settings.
 *   npm run -s classify [-- --learn FILE.jsonl ...] < questions.jsonl
 * --learn first replays FILE's labelled questions as staff decisions, as the product learns them
 * (a label: confirm/correct with that answer; `none`: dismiss).
 * stdin: JSON lines {"id","text"} or {"id","title","body"}
 * stdout: one line per question:
 *   {"id","answer","clarify","review","confidence"}
 *   answer:  the slug the bot answers publicly with, or null
 *   clarify: the two slugs of the clarifying question it asks publicly, or null
 *   review:  the slug suggested to staff (below the public thresholds), or null
 *   confidence: the calibrated confidence of the top answer (or of the clarification)
 * A bad line is reported on stderr and skipped; the exit code is then 1.
 */
import { createInterface } from 'node:readline';
import { decide, defaultAnswers, defaultThresholds, Matcher, type MatchInput } from '../src/index.js';
import { readEvalFile, replayStaffDecisions } from './eval-file.js';

interface Question {
  id: string;
  input: MatchInput;
}

function parse(line: string): Question {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  const { id, text, title, body } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('missing "id"');
  const strings = [text, title, body].filter((field) => field !== undefined);
  if (strings.some((field) => typeof field !== 'string')) throw new Error('"text", "title" and "body" must be strings');
  if (typeof text === 'string') return { id: String(id), input: { body: text } };
  if (typeof title !== 'string' && typeof body !== 'string') throw new Error('needs "text" or "title"/"body"');
  return { id: String(id), input: { title: title as string | undefined, body: body as string | undefined } };
}

const args = process.argv.slice(2);
const learnFiles = args.flatMap((arg, index) => (args[index - 1] === '--learn' ? [arg] : []));
const knowledge = replayStaffDecisions(
  defaultAnswers,
  learnFiles.flatMap((file) => readEvalFile(file)),
);
const matcher = Matcher.build(knowledge.answers, { noneExamples: knowledge.noneExamples });
let failures = 0;
let lineNumber = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNumber++;
  if (!line.trim()) continue;
  try {
    const { id, input } = parse(line);
    const result = matcher.match(input);
    const decision = decide(result, defaultThresholds);
    const output = {
      id,
      answer: decision.action === 'answer' ? decision.slug : null,
      clarify: decision.action === 'clarify' ? decision.clarify.choices.map((choice) => choice.slug) : null,
      review: decision.action === 'review' ? decision.slug : null,
      confidence: result.confidence,
    };
    process.stdout.write(`${JSON.stringify(output)}\n`);
  } catch (error) {
    failures++;
    process.stderr.write(`line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
if (failures > 0) process.exitCode = 1;
