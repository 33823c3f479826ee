import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { MarkThreadNotificationsReadDocument, UnreadNotificationCountDocument } from '../api/notification-documents';

/**
 * Opening a thread marks the viewer's notifications about it read, as clicking them in the list does; so do those that
 * arrive while it is open (the bell's count rises). Waits for the bell's count, and asks nothing when it is 0.
 */
export function useThreadNotificationsRead(threadId: string, signedIn: boolean): void {
  const client = useApolloClient();
  const { data } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-only', skip: !signedIn });
  const [markRead] = useMutation(MarkThreadNotificationsReadDocument);
  const count = data?.unreadNotificationCount;
  // The count the last marking of this thread left: only a rise since then can be about this thread.
  const marked = useRef<{ threadId: string; count: number } | null>(null);
  useEffect(() => {
    if (!signedIn || count === undefined || count === 0 || !/^[1-9][0-9]*$/.test(threadId)) return;
    if (marked.current?.threadId === threadId && count <= marked.current.count) return;
    marked.current = { threadId, count };
    markRead({ variables: { threadId } })
      .then(({ data: result }) => {
        const unread = result?.markThreadNotificationsRead;
        if (unread === undefined) return;
        marked.current = { threadId, count: unread };
        client.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: unread } });
      })
      // Not marked (the network): the list still shows them unread, and the next visit marks them.
      .catch(() => undefined);
  }, [client, count, markRead, signedIn, threadId]);
}
