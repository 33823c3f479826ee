import type { ApolloCache } from '@apollo/client';
import type { ListedReplyFieldsFragment, ReplyFieldsFragment, ThreadActivitySubscription } from '../../../gql/graphql';
import { ReplyFieldsFragment as ReplyFieldsDocument, ThreadPageDocument, ThreadRepliesDocument } from './thread-documents';

export type ThreadActivityEvent = ThreadActivitySubscription['threadActivity'];

/** Replies per page on the thread page; its queries' variables, which the cache updates below must match. */
export const repliesPerPage = 50;

/**
 * Where a thread's replies are in the cache: the page the thread opened at (its first, or the one that holds the reply
 * `around` names), and the cursors of the pages loaded before and after that one.
 */
export interface LoadedReplies {
  threadId: string;
  around: string | null;
  pagesBefore: readonly string[];
  pagesAfter: readonly string[];
}

/** The pages each thread page showed last, per cache: opening the thread again starts from those still in it. */
const shownLast = new WeakMap<ApolloCache, Map<string, LoadedReplies>>();

/** Remembers the pages a thread page shows, for when the thread is opened again (see lastLoadedReplies). */
export function rememberLoadedReplies(cache: ApolloCache, loaded: LoadedReplies): void {
  let threads = shownLast.get(cache);
  if (!threads) shownLast.set(cache, (threads = new Map()));
  threads.set(loaded.threadId, loaded);
}

/**
 * The pages of the thread its page showed last that the cache still holds, so that the thread shows at once when it is
 * opened again: the page it opened at, with the pages loaded before and after it as far as none is missing (a gap
 * would put replies out of order). Null when the cache no longer holds that page (or the thread was not shown).
 */
export function lastLoadedReplies(cache: ApolloCache, threadId: string): LoadedReplies | null {
  const last = shownLast.get(cache)?.get(threadId);
  if (!last || !cache.readQuery({ query: ThreadPageDocument, variables: threadPageVariables(threadId, last.around) })) return null;
  const cached = (from: { after: string } | { before: string }) =>
    cache.readQuery({ query: ThreadRepliesDocument, variables: repliesPageVariables(threadId, from) }) !== null;
  const missingBefore = last.pagesBefore.findLastIndex((before) => !cached({ before }));
  const missingAfter = last.pagesAfter.findIndex((after) => !cached({ after }));
  return {
    ...last,
    pagesBefore: last.pagesBefore.slice(missingBefore + 1),
    pagesAfter: missingAfter === -1 ? last.pagesAfter : last.pagesAfter.slice(0, missingAfter),
  };
}

/** The thread query's variables: the page around a linked reply, or the first (as it was before links asked). */
export function threadPageVariables(threadId: string, around: string | null) {
  return around === null ? { id: threadId, first: repliesPerPage } : { id: threadId, first: repliesPerPage, around };
}

/** The variables of a page of replies after or before one loaded. */
export function repliesPageVariables(threadId: string, from: { after: string } | { before: string }) {
  return { id: threadId, first: repliesPerPage, ...from };
}

export type AddedReply = 'added' | 'present' | 'not-loaded' | 'missing';

/**
 * Puts a reply the page did not have yet into the cache: at the end of the last loaded page when that page is the
 * thread's last ('added', counted too), or nowhere when it belongs to a page not loaded yet ('not-loaded': the
 * caller counts it once with countReply). 'missing': the page is not in the cache, read it again.
 */
export function addReply(cache: ApolloCache, loaded: LoadedReplies, reply: ReplyFieldsFragment): AddedReply {
  const pageVariables = threadPageVariables(loaded.threadId, loaded.around);
  const page = cache.readQuery({ query: ThreadPageDocument, variables: pageVariables });
  if (!page) return 'missing';
  if (page.thread.replies.nodes.some((node) => node.id === reply.id)) return 'present';
  // New to the page (the viewer's own, or just posted by someone else): the viewer has not flagged it.
  const listed: ListedReplyFieldsFragment = { ...reply, viewerFlagged: false };
  const lastPageAfter = loaded.pagesAfter.at(-1);
  if (lastPageAfter === undefined) {
    if (page.thread.replies.pageInfo.hasNextPage) return 'not-loaded';
    cache.writeQuery({
      query: ThreadPageDocument,
      variables: pageVariables,
      data: { thread: { ...page.thread, replies: { ...page.thread.replies, nodes: [...page.thread.replies.nodes, listed] } } },
    });
  } else {
    const variables = repliesPageVariables(loaded.threadId, { after: lastPageAfter });
    const last = cache.readQuery({ query: ThreadRepliesDocument, variables });
    if (!last) return 'missing';
    if (last.thread.replies.nodes.some((node) => node.id === reply.id)) return 'present';
    if (last.thread.replies.pageInfo.hasNextPage) return 'not-loaded';
    cache.writeQuery({
      query: ThreadRepliesDocument,
      variables,
      data: { thread: { ...last.thread, replies: { ...last.thread.replies, nodes: [...last.thread.replies.nodes, listed] } } },
    });
  }
  countReply(cache, loaded.threadId, reply);
  return 'added';
}

/** Adds a new reply to the thread's count and last activity. */
export function countReply(cache: ApolloCache, threadId: string, reply: ReplyFieldsFragment): void {
  cache.modify({
    id: cache.identify({ __typename: 'Thread', id: threadId }),
    fields: {
      replyCount: (count: number) => count + 1,
      lastActivityAt: () => reply.createdAt,
      // Read by the bot's footer: a staff answer everyone can see settles the question.
      staffReplied: (replied: boolean) => replied || (reply.isStaffAnswer && !reply.hidden),
    },
  });
}

/**
 * Marks the accepted answer (or none) on the thread and on its loaded replies (whichever came first, the viewer's own
 * mutation or the event). Answers false when the accepted reply is not in the cache (it is on a page not loaded), so
 * the page must be read again.
 */
export function applyAcceptance(cache: ApolloCache, loaded: LoadedReplies, replyId: string | null): boolean {
  const replyRef = replyId === null ? undefined : cache.identify({ __typename: 'Reply', id: replyId });
  if (replyRef && !cache.readFragment({ id: replyRef, fragment: ReplyFieldsDocument })) return false;
  cache.modify({
    id: cache.identify({ __typename: 'Thread', id: loaded.threadId }),
    fields: {
      acceptedReply: (_current, { toReference }) => (replyId === null ? null : (toReference({ __typename: 'Reply', id: replyId }) ?? null)),
    },
  });
  for (const reply of loadedReplies(cache, loaded)) {
    const accepted = reply.id === replyId;
    if (reply.isAccepted !== accepted) {
      cache.modify({ id: cache.identify({ __typename: 'Reply', id: reply.id }), fields: { isAccepted: () => accepted } });
    }
  }
  return true;
}

/** The replies of the pages loaded, in the thread's order. */
export function loadedReplies(cache: ApolloCache, loaded: LoadedReplies): ListedReplyFieldsFragment[] {
  const opened = cache.readQuery({ query: ThreadPageDocument, variables: threadPageVariables(loaded.threadId, loaded.around) });
  const pageOf = (from: { after: string } | { before: string }) =>
    cache.readQuery({ query: ThreadRepliesDocument, variables: repliesPageVariables(loaded.threadId, from) })?.thread.replies.nodes ?? [];
  const before = loaded.pagesBefore.map((cursor) => pageOf({ before: cursor }));
  const after = loaded.pagesAfter.map((cursor) => pageOf({ after: cursor }));
  return [...before.flat(), ...(opened?.thread.replies.nodes ?? []), ...after.flat()];
}

export function applyState(cache: ApolloCache, threadId: string, state: NonNullable<ThreadActivityEvent['state']>): void {
  cache.modify({
    id: cache.identify({ __typename: 'Thread', id: threadId }),
    fields: { status: () => state.status, locked: () => state.locked },
  });
}
