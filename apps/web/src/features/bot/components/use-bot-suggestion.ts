import { useQuery } from '@apollo/client/react';
import type { BotSuggestionFieldsFragment } from '../../../gql/graphql';
import { ThreadBotSuggestionDocument } from '../api/bot-documents';

export type BotSuggestionDetails = BotSuggestionFieldsFragment;

/** What settled a question besides the asker's word to the bot: the bot's footer says so instead of still asking. */
/**
 * Whether a suggestion's answer is the one the asker picked of the two cases the bot asked about: the bot's confidence
 * was then that one of the two fits, not in this one. (A correction's answer is staff's, see CORRECTED.)
 */
export function pickedByAsker(suggestion: { status: string; clarify: object | null; answer?: object | null }): boolean {
  return suggestion.clarify !== null && Boolean(suggestion.answer) && suggestion.status !== 'CORRECTED';
}

export type ThreadSettled = 'accepted' | 'staff-replied' | 'locked' | null;

export function settledBy(thread: { status: string; staffReplied: boolean } | undefined): ThreadSettled {
  if (!thread) return null;
  if (thread.status === 'LOCKED') return 'locked';
  if (thread.status === 'ANSWERED') return 'accepted';
  return thread.staffReplied ? 'staff-replied' : null;
}

/** One sentence on what settled the thread, for the bot's footer. */
export function settledSentence(settled: Exclude<ThreadSettled, null>): string {
  switch (settled) {
    case 'accepted':
      return 'An answer has been accepted.';
    case 'staff-replied':
      return 'A staff member has replied below.';
    case 'locked':
      return 'This thread is locked.';
  }
}

/** What the FAQ bot did with one thread (null until it replied publicly, for members), and what settled the thread. */
export function useBotSuggestion(threadId: string): {
  suggestion: BotSuggestionDetails | null;
  askerId: string | null;
  settled: ThreadSettled;
  /** Nobody replied to the question yet (the bot's own reply counts). */
  unreplied: boolean;
  /** Reads the bot's state again (the bot answered, or the thread changed in a way live events do not carry). */
  refetch: () => void;
} {
  const { data, refetch } = useQuery(ThreadBotSuggestionDocument, { variables: { threadId } });
  return {
    suggestion: data?.thread.botSuggestion ?? null,
    askerId: data?.thread.author.id ?? null,
    settled: settledBy(data?.thread),
    unreplied: data?.thread.replyCount === 0,
    refetch: () => void refetch(),
  };
}
