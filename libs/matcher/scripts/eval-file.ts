import { readFileSync } from 'node:fs';
import type { CanonicalAnswerDocument } from '../src/index.js';

/** One labelled question of an eval file. */
export interface EvalCase {
  id: string;
  text: string;
  label: string;
  alt?: string | null;
  source?: string | null;
}

/** Reads a JSON-lines eval file ({"id","text","label","alt"?,"source"?}). */
export function readEvalFile(path: string): EvalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

/**
 * The group a question's `source` belongs to in grouped cross-validation: the owner of a GitHub repository
 * ("owner/repo#123" -> "owner", so one product's several repositories share a fold) or the site of a web page
 * (its host). A fold then holds out whole products, as the questions the bot meets come from products it never
 * learned from. A question without a source is a group of its own.
 */
export function sourceGroup(item: Pick<EvalCase, 'id' | 'source'>): string {
  const source = item.source?.trim();
  if (!source) return `id:${item.id}`;
  const site = /^[a-z]+:\/\/(?:www\.)?([^/?#]+)/i.exec(source);
  if (site) return `site:${site[1]!.toLowerCase()}`;
  return `owner:${source.split(/[/#]/)[0]!.toLowerCase()}`;
}

/** What the matcher is built from after staff decisions were replayed. */
export interface LearnedKnowledgeBase {
  answers: CanonicalAnswerDocument[];
  noneExamples: string[];
}

/**
 * Replays labelled questions as staff decisions, exactly as the product learns: a label is a confirm
 * or correct with that answer (the question becomes one of its examples), `none` is a dismissal
 * (the question becomes a `none` example).
 */
export function replayStaffDecisions(answers: CanonicalAnswerDocument[], cases: EvalCase[]): LearnedKnowledgeBase {
  const learned = answers.map((answer) => ({ ...answer, learnedExamples: [...(answer.learnedExamples ?? [])] }));
  const noneExamples: string[] = [];
  for (const item of cases) {
    const answer = learned.find((candidate) => candidate.slug === item.label);
    if (answer) {
      if (!answer.examples.includes(item.text) && !answer.learnedExamples.includes(item.text)) answer.learnedExamples.push(item.text);
    } else if (item.label === 'none') noneExamples.push(item.text);
  }
  return { answers: learned, noneExamples };
}
