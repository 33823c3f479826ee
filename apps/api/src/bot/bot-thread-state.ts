import { ThreadStatus } from '../threads/thread-status.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';
import type { BotSuggestion } from './models/bot-suggestion.model.js';

/** Statuses in which the bot's public reply asks something of the asker: "did this solve it?" or "which one fits?". */
const askingTheAsker = new Set<BotSuggestionStatus>([
  BotSuggestionStatus.ANSWERED,
  BotSuggestionStatus.CONFIRMED_BY_STAFF,
  BotSuggestionStatus.CORRECTED,
  BotSuggestionStatus.CLARIFYING,
]);

/**
 * The bot replied publicly and waits for the asker's word, and nothing else settled the question meanwhile:
 * no answer accepted, no staff answer, not locked.
 */
export function botAwaitsAsker(
  suggestion: Pick<BotSuggestion, 'status' | 'feedback' | 'replyId'> | null,
  thread: { status: ThreadStatus },
  staffReplied: boolean,
): boolean {
  if (!suggestion || suggestion.replyId === null || suggestion.feedback !== null) return false;
  return askingTheAsker.has(suggestion.status) && thread.status === ThreadStatus.OPEN && !staffReplied;
}
