import type { Clarification } from '#matcher';

/** What the bot writes in threads. Each reply says it is automated and links the canonical answer. */

export interface AnswerText {
  slug: string;
  title: string;
  body: string;
}

export function answerLink(answer: Pick<AnswerText, 'slug' | 'title'>): string {
  return `[${answer.title.replace(/[[\]]/g, '')}](/answers/${answer.slug})`;
}

/** The bot's public answer: the canonical answer body, a link to it, and a note that it is automated. */
export function botAnswerReply(answer: AnswerText, lead?: string): string {
  return [
    ...(lead ? [lead] : []),
    answer.body.trim(),
    '---',
    `*I'm the forum's FAQ bot and this is an automated answer, taken from ${answerLink(answer)}. ` +
      `If it solved your problem, mark it as the answer; if it didn't, tell me and a staff member will take a look.*`,
  ].join('\n\n');
}

/** The bot's public clarifying question with its two choices. */
export function botClarifyReply(clarify: Clarification, titles: Map<string, string>): string {
  const choices = clarify.choices.map((choice) => `- **${choice.label}**${titles.has(choice.slug) ? ` (${titles.get(choice.slug)})` : ''}`);
  return [
    `Hi there! I'm the forum's FAQ bot (this is an automated reply). To point you to the right answer, one question first:`,
    `**${clarify.question}**`,
    choices.join('\n'),
    `*Pick the one that fits and I'll post the answer for it. If neither fits, a staff member will help.*`,
  ].join('\n\n');
}

/** A staff reply prefilled with a canonical answer, greeting the asker by name. */
export function staffDraft(answer: AnswerText, askerUsername: string | null): string {
  let body = answer.body.trim();
  // "Hi there!" and "Hi there, sorry you're locked out!" alike: the name goes before what followed.
  if (askerUsername) body = body.replace(/^Hi there\b/, `Hi there @${askerUsername}`);
  return `${body}\n\nMore in our help article: ${answerLink(answer)}`;
}

/** The start of a markdown body as one line of plain text, for suggestion cards. */
export function excerpt(markdown: string, maxLength = 200): string {
  const paragraphs = markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    // The staff greeting says nothing about the answer.
    .filter((paragraph, index) => !(index === 0 && /^(hi|hello|hey)\b.{0,40}$/i.test(paragraph)));
  const text = paragraphs
    .map((paragraph) => paragraph.replace(/^\s*(?:[-*+]|\d+\.|#+|>)\s+/gm, ''))
    .join(' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
