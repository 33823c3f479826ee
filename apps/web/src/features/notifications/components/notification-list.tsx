import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorMessage, LoadMoreRow, PageStatus } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { NotificationsQuery } from '../../../gql/graphql';
import { useAction } from '../../../lib/use-action';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '../api/notification-documents';

type NotificationItem = NotificationsQuery['notifications']['nodes'][number];

function describe(notification: NotificationItem): string {
  const who = notification.actor ? (notification.actor.isBot ? 'The FAQ bot' : notification.actor.username) : 'Someone';
  switch (notification.kind) {
    case 'REPLY':
      return `${who} replied to your question`;
    case 'MENTION':
      return `${who} mentioned you`;
    case 'ACCEPTED':
      return notification.replyIsYours ? `${who} accepted your answer` : `${who} accepted an answer`;
    case 'BOT_ANSWER':
      return 'The FAQ bot answered your question';
    default:
      return `${who} did something`;
  }
}

function notificationPath(notification: NotificationItem): string {
  return `/t/${notification.thread.id}${notification.replyId ? `#reply-${notification.replyId}` : ''}`;
}

/** One row per thread: a page's notifications about the same thread, newest first. */
interface ThreadGroup {
  thread: NotificationItem['thread'];
  notifications: NotificationItem[];
}

function groupByThread(nodes: readonly NotificationItem[]): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup>();
  for (const notification of nodes) {
    const group = groups.get(notification.thread.id) ?? { thread: notification.thread, notifications: [] };
    group.notifications.push(notification);
    groups.set(notification.thread.id, group);
  }
  return [...groups.values()];
}

function describeGroup(group: ThreadGroup): string {
  const [newest, ...older] = group.notifications;
  return older.length === 0 ? describe(newest!) : `${describe(newest!)}, and ${older.length} more`;
}

export function NotificationList() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pages, setPages] = useState<string[]>([]);
  const { error, run } = useAction();
  const refetchCount = { refetchQueries: [UnreadNotificationCountDocument, NotificationsDocument] };
  const [markRead] = useMutation(MarkNotificationsReadDocument, refetchCount);
  const [markAll, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument, refetchCount);

  /** Opening a notification marks it read (its link goes to the thread meanwhile). */
  async function open(notification: NotificationItem) {
    if (!notification.read) await run(() => markRead({ variables: { ids: [notification.id] } }));
  }

  return (
    <div className="stack">
      <div className="row notification-toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setPages([]);
              setUnreadOnly(event.target.checked);
            }}
          />
          Unread only
        </label>
        <Button small busy={markingAll} onClick={() => void run(markAll)}>
          Mark all read
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <ul className="notification-list">
        {[null, ...pages].map((after, index, all) => (
          <NotificationPage
            key={`${unreadOnly}:${after ?? 'first'}`}
            after={after}
            unreadOnly={unreadOnly}
            isFirst={index === 0}
            isLast={index === all.length - 1}
            onOpen={(notification) => void open(notification)}
            onMore={(cursor) => setPages((current) => [...current, cursor])}
          />
        ))}
      </ul>
    </div>
  );
}

function NotificationPage(props: {
  after: string | null;
  unreadOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  onOpen: (notification: NotificationItem) => void;
  onMore: (cursor: string) => void;
}) {
  const { data, error, refetch } = useQuery(NotificationsDocument, {
    variables: { first: 20, after: props.after, unreadOnly: props.unreadOnly },
  });
  // What the page showed counts as read; the list keeps its "new" marks for this visit (only the count is refetched).
  const [markShownRead] = useMutation(MarkNotificationsReadDocument, { refetchQueries: [UnreadNotificationCountDocument] });
  const shownUnread = (data?.notifications.nodes ?? []).filter((notification) => !notification.read).map((notification) => notification.id);
  const shownKey = shownUnread.join(',');
  useEffect(() => {
    if (shownKey) markShownRead({ variables: { ids: shownKey.split(',') } }).catch(() => undefined);
  }, [shownKey, markShownRead]);
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading notifications…" />;
  const { nodes, pageInfo } = data.notifications;
  return (
    <>
      {props.isFirst && nodes.length === 0 ? (
        <li>
          <EmptyState title={props.unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}>
            <p>You will hear here when someone replies to your question, mentions you, or accepts your answer.</p>
          </EmptyState>
        </li>
      ) : null}
      {groupByThread(nodes).map((group) => {
        const newest = group.notifications[0]!;
        const unread = group.notifications.some((notification) => !notification.read);
        return (
          <li key={group.thread.id} className={`notification${unread ? ' notification--unread' : ''}`}>
            {/* A link, so it can be opened in a new tab, copied, or seen where it leads before it is followed. */}
            <Link to={notificationPath(newest)} className="notification__open" onClick={() => props.onOpen(newest)}>
              {unread ? (
                <>
                  <span className="notification__dot" aria-hidden="true" />
                  <span className="visually-hidden">New: </span>
                </>
              ) : null}
              <span className="notification__text">
                <span>{describeGroup(group)}</span>
                <strong className="notification__thread">{group.thread.title}</strong>
              </span>
              <span className="notification__when">
                <TimeAgo date={newest.createdAt} />
              </span>
            </Link>
          </li>
        );
      })}
      {props.isLast ? (
        <LoadMoreRow pageInfo={pageInfo} onLoadMore={props.onMore}>
          Older notifications
        </LoadMoreRow>
      ) : null}
    </>
  );
}
