import { collapseTitle, countedLength, trimBody } from '#post-limits';

/** A title's length as the API counts it: after whitespace is collapsed. */
export function titleLengthOf(title: string): number {
  return countedLength(collapseTitle(title));
}

/** A markdown body's length as the API counts it: after blank leading lines and trailing space go. */
export function bodyLengthOf(body: string): number {
  return countedLength(trimBody(body));
}

export interface LengthCount {
  text: string;
  over: boolean;
}

const format = (value: number) => value.toLocaleString('en');

/** What to show under a field while people type: how far from the minimum, how close to (or over) the maximum; nothing in between. */
export function lengthCount(count: number, limits: { min: number; max: number }): LengthCount | null {
  if (count > limits.max)
    return { text: `${format(count)} / ${format(limits.max)} characters: ${format(count - limits.max)} too many`, over: true };
  if (count >= limits.max * 0.9) return { text: `${format(count)} / ${format(limits.max)} characters`, over: false };
  if (count > 0 && count < limits.min) return { text: `${count} of at least ${limits.min} characters`, over: false };
  return null;
}
