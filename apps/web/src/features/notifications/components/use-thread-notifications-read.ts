import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect } from 'react';
import {
  MarkThreadNotificationsReadDocument,
  NotificationAddedDocument,
  UnreadNotificationCountDocument,
} from '../api/notification-documents';

/**
 * Opening a thread marks the viewer's notifications about it read, as clicking them in the list does; so does each one
 * that arrives about it while it is open (its live event names the thread). Opening waits for the bell's count, and
 * asks nothing when it is 0.
 */
export function useThreadNotificationsRead(threadId: string, signedIn: boolean): void {
  const client = useApolloClient();
  const active = signedIn && /^[1-9][0-9]*$/.test(threadId);
  const { data } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-only', skip: !active });
  const [markRead] = useMutation(MarkThreadNotificationsReadDocument);
  const markThreadRead = useCallback(() => {
    markRead({ variables: { threadId } })
      .then(({ data: result }) => {
        const unread = result?.markThreadNotificationsRead;
        if (unread !== undefined) client.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: unread } });
      })
      // Not marked (the network): the list still shows them unread, and the next visit marks them.
      .catch(() => undefined);
  }, [client, markRead, threadId]);

  // Once per thread opened: later changes of the count are other threads' news, or this one's, told by its event.
  const countKnown = data !== undefined;
  useEffect(() => {
    if (!active || !countKnown) return;
    if (client.readQuery({ query: UnreadNotificationCountDocument })?.unreadNotificationCount === 0) return;
    markThreadRead();
  }, [active, client, countKnown, markThreadRead]);

  // The bell's subscription: Apollo shares one with the server.
  useSubscription(NotificationAddedDocument, {
    skip: !active,
    onData: ({ data: event }) => {
      if (event.data?.notificationAdded.notification.thread?.id === threadId) markThreadRead();
    },
  });
}
