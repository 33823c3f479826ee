import { useQuery } from '@apollo/client/react';
import type { BotSuggestionFieldsFragment } from '../../../gql/graphql';
import { ThreadBotSuggestionDocument } from '../api/bot-documents';

export type BotSuggestionDetails = BotSuggestionFieldsFragment;

/** What the FAQ bot did with one thread (null until it replied publicly, for members). */
export function useBotSuggestion(threadId: string): { suggestion: BotSuggestionDetails | null; askerId: string | null } {
  const { data } = useQuery(ThreadBotSuggestionDocument, { variables: { threadId } });
  return { suggestion: data?.thread.botSuggestion ?? null, askerId: data?.thread.author.id ?? null };
}
