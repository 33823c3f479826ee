import { readFileSync } from 'node:fs';

/** One labelled question of an eval file. */
export interface EvalCase {
  id: string;
  text: string;
  label: string;
  alt?: string;
}

/** Reads a JSON-lines eval file ({"id","text","label","alt"?}). */
export function readEvalFile(path: string): EvalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}
