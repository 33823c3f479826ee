/** At most this many people are notified from one post, so a list of names cannot be used to spam. */
export const maxMentionsPerPost = 10;

const mentionPattern = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})/g;

/** One `@name` as written (lower-cased), and without a trailing "." or "-" that may end the sentence instead. */
export interface Mention {
  name: string;
  trimmed: string;
}

/**
 * The `@name` mentions of a Markdown post, deduplicated, in order of first appearance, at most
 * `maxMentionsPerPost`. Code is skipped (an `@decorator` in a snippet is not a mention), and so is an
 * e-mail address. Usernames may end with "." or "-", so the caller tries `name` first, then `trimmed`.
 */
export function extractMentions(markdown: string): Mention[] {
  const prose = markdown.replace(/```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const mentions: Mention[] = [];
  const seen = new Set<string>();
  for (const match of prose.matchAll(mentionPattern)) {
    const name = match[1].toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const trimmed = name.replace(/[.-]+$/, '');
    mentions.push({ name, trimmed: trimmed.length >= 3 ? trimmed : name });
    if (mentions.length === maxMentionsPerPost) break;
  }
  return mentions;
}
