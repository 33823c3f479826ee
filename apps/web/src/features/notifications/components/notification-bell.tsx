import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { Link } from 'react-router';
import { NotificationAddedDocument, NotificationsDocument, UnreadNotificationCountDocument } from '../api/notification-documents';

/** The header bell: unread count, kept current by the notificationAdded subscription. */
export function NotificationBell() {
  const client = useApolloClient();
  const { data } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-and-network' });
  useSubscription(NotificationAddedDocument, {
    onData: ({ data: event }) => {
      const added = event.data?.notificationAdded;
      if (!added) return;
      client.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: added.unreadCount } });
      void client.refetchQueries({ include: [NotificationsDocument] });
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  // The API counts up to 100.
  const shown = count > 99 ? '99+' : String(count);
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${shown} unread`;
  return (
    <Link to="/notifications" className="bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell__count" data-testid="unread-count">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
