import { useQuery } from '@apollo/client/react';
import { messageOf } from '../../../lib/graphql-errors';
import { CanonicalAnswerDraftDocument } from '../api/canonical-answer-documents';

/** Staff: the reply text for answering a thread with a canonical answer (`/t/:id?draft=<slug>`). */
export function useCanonicalAnswerDraft(threadId: string, slug: string | null): { body: string | null; error: string | null } {
  const { data, error } = useQuery(CanonicalAnswerDraftDocument, {
    variables: { threadId, slug: slug ?? '' },
    skip: !slug,
    fetchPolicy: 'network-only',
  });
  return { body: data?.canonicalAnswerDraft ?? null, error: error ? messageOf(error) : null };
}
