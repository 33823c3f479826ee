/**
 * Classifies questions with the built-in knowledge base.
 * stdin: JSON lines {"id","text"} or {"id","title","body"}
 * stdout: one line {"id","answer","confidence","clarify"} per question (clarify: null or the two slugs).
 * A bad line is reported on stderr and skipped; the exit code is then 1.
 */
import { createInterface } from 'node:readline';
import { defaultAnswers, Matcher, type MatchInput } from '../src/index.js';

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

const matcher = Matcher.build(defaultAnswers);
let failures = 0;
let lineNumber = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNumber++;
  if (!line.trim()) continue;
  try {
    const { id, input } = parse(line);
    const result = matcher.match(input);
    const clarify = result.clarify ? result.clarify.choices.map((choice) => choice.slug) : null;
    process.stdout.write(`${JSON.stringify({ id, answer: result.answer, confidence: result.confidence, clarify })}\n`);
  } catch (error) {
    failures++;
    process.stderr.write(`line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
if (failures > 0) process.exitCode = 1;
