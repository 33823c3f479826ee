import {
  confusablePairs,
  confusables,
  ImpostorCategory,
  negation,
  phraseRules,
  reservedUsernameWords,
  secretNoun,
} from './impostor-rules.js';

export interface ImpostorFinding {
  ruleId: string;
  category: ImpostorCategory;
  /** The words that triggered the rule, for staff to see. */
  phrase: string;
}

const compiledRules = phraseRules.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern.replaceAll('{secret}', secretNoun), 'i') }));
const negationRegex = new RegExp(negation, 'i');

/**
 * Requests a helper should never make: asking for codes, passwords, recovery codes, a Secret Key, or to continue
 * by e-mail, chat or phone. One finding per rule, in rule order; sentences that warn ("never send your code") pass.
 */
export function findImpostorRequests(text: string): ImpostorFinding[] {
  const findings: ImpostorFinding[] = [];
  const sentences = text
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    // Blanks collapsed: the rules' adjacent `\s+` and `\s*` would split a long run of them in every way (quadratic).
    .map((sentence) =>
      sentence
        .replace(/[*_`>]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  for (const rule of compiledRules) {
    for (const sentence of sentences) {
      const match = rule.regex.exec(sentence);
      if (!match) continue;
      if (negationRegex.test(sentence.slice(0, match.index + match[0].length))) continue;
      findings.push({ ruleId: rule.id, category: rule.category, phrase: match[0].replace(/\s+/g, ' ').trim() });
      break;
    }
  }
  return findings;
}

/** How a name reads at a glance: lower case, no accents or separators, look-alike characters folded. */
export function usernameSkeleton(username: string): string {
  let skeleton = [...username.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((character) => confusables[character] ?? character)
    .join('');
  skeleton = skeleton.replace(/[^a-z]/g, '');
  for (const [pair, letter] of confusablePairs) skeleton = skeleton.replaceAll(pair, letter);
  return skeleton;
}

export type UsernameImitation = { reason: 'RESERVED_WORD'; word: string } | { reason: 'STAFF_LOOKALIKE'; staffUsername: string };

/**
 * Whether a new member's username imitates staff or the product: a reserved word as the whole name, a part of it
 * (split at "_", ".", "-" or digits) or its start or end, or the same skeleton as a staff member's name.
 */
export function usernameImitation(username: string, staffUsernames: readonly string[]): UsernameImitation | null {
  const skeleton = usernameSkeleton(username);
  const parts = username
    .toLowerCase()
    .split(/[^a-z\p{L}]+/u)
    .map(usernameSkeleton)
    .filter(Boolean);
  for (const word of reservedUsernameWords) {
    const reserved = usernameSkeleton(word);
    const isPart = parts.includes(reserved);
    const framesName = reserved.length >= 5 && (skeleton.startsWith(reserved) || skeleton.endsWith(reserved));
    if (skeleton === reserved || isPart || framesName) return { reason: 'RESERVED_WORD', word };
  }
  const staff = staffUsernames.find((name) => usernameSkeleton(name) === skeleton && name.toLowerCase() !== username.toLowerCase());
  return staff ? { reason: 'STAFF_LOOKALIKE', staffUsername: staff } : null;
}
