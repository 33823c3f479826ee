import { maxTagsPerQuestion, questionBodyLength, tagPattern, titleLength } from '#post-limits';
import { bodyLengthOf, titleLengthOf } from '../../../components/length-counter';
import { splitTags } from '../../../lib/tags';

export type QuestionField = 'title' | 'body' | 'tags';

/** The ask form's labels: messages name fields as people see them, in the order they see them. */
export const questionLabels: Record<QuestionField, string> = { title: 'Title', body: 'Details', tags: 'Tags' };

function lengthProblem(label: string, count: number, limits: { min: number; max: number }): string | null {
  if (count < limits.min) return `${label} needs at least ${limits.min} characters (${count} so far).`;
  if (count > limits.max)
    return `${label} can have at most ${limits.max.toLocaleString('en')} characters: ${(count - limits.max).toLocaleString('en')} too many.`;
  return null;
}

/** The checks the API makes (same limits, same counting), so a draft is refused before the round trip. */
export function questionProblems(draft: { title: string; body: string; tags: string }): Partial<Record<QuestionField, string>> {
  const problems: Partial<Record<QuestionField, string>> = {};
  const title = lengthProblem(questionLabels.title, titleLengthOf(draft.title), titleLength);
  if (title) problems.title = title;
  const body = lengthProblem(questionLabels.body, bodyLengthOf(draft.body), questionBodyLength);
  if (body) problems.body = body;
  const tags = splitTags(draft.tags);
  const badTag = tags.find((tag) => !tagPattern.test(tag));
  if (tags.length > maxTagsPerQuestion) problems.tags = `Use at most ${maxTagsPerQuestion} tags (${tags.length} now).`;
  else if (badTag)
    problems.tags = `“${badTag}” is not a tag: use 1 to 32 lower-case letters, digits or dashes, with at least one letter or digit.`;
  return problems;
}
