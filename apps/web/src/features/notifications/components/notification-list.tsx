import { webPages } from '#web-pages';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams, type LinkProps } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorMessage, LoadMoreRow, PageStatus } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { NotificationsQuery } from '../../../gql/graphql';
import { threadLink } from '../../../lib/thread-link';
import { useAction } from '../../../lib/use-action';
import { focusHeadingOnArrival } from '../../../lib/use-focus-on-show';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '../api/notification-documents';

type NotificationItem = NotificationsQuery['notifications']['nodes'][number];

function describe(notification: NotificationItem): ReactNode {
  const who = notification.actor ? notification.actor.isBot ? 'The FAQ bot' : <bdi>{notification.actor.username}</bdi> : 'Someone';
  switch (notification.kind) {
    case 'REPLY':
      return <>{who} replied to your question</>;
    case 'MENTION':
      return <>{who} mentioned you</>;
    case 'ACCEPTED':
      return (
        <>
          {who} accepted {notification.replyIsYours ? 'your answer' : 'an answer'}
        </>
      );
    case 'BOT_ANSWER':
      return 'The FAQ bot answered your question';
    case 'SIGN_IN_ATTEMPT':
      return 'Someone entered your password but not your two-factor code';
    default:
      return <>{who} did something</>;
  }
}

/**
 * A notification about a thread opens it (at its reply, if it is about one); one about the account (SIGN_IN_ATTEMPT)
 * opens the Security page. Either way the focus moves on to what was opened, as from any list (see `threadLink`).
 */
function notificationLink(notification: NotificationItem): Pick<LinkProps, 'to' | 'state'> {
  if (!notification.thread) return { to: webPages.security.path, state: focusHeadingOnArrival.state };
  return threadLink(notification.thread.id, notification.replyId);
}

/** One row per thread: a page's notifications about the same thread, newest first. One about the account is a row of its own. */
interface ThreadGroup {
  key: string;
  thread: NotificationItem['thread'];
  notifications: NotificationItem[];
}

function groupByThread(nodes: readonly NotificationItem[]): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup>();
  for (const notification of nodes) {
    const key = notification.thread ? `thread-${notification.thread.id}` : `notification-${notification.id}`;
    const group = groups.get(key) ?? { key, thread: notification.thread, notifications: [] };
    group.notifications.push(notification);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function describeGroup(group: ThreadGroup): ReactNode {
  const [newest, ...older] = group.notifications;
  return older.length === 0 ? (
    describe(newest!)
  ) : (
    <>
      {describe(newest!)}, and {older.length} more
    </>
  );
}

/**
 * Your notifications, newest first. The unread ones stand out (and their link starts with "New:") until you open them,
 * which marks the row's notifications read, or press "Mark all as read": looking at the list marks nothing, so the
 * "Unread only" filter still shows what was new. The filter lives in the URL (`?unread=1`), so a reload or Back keeps it.
 */
export function NotificationList() {
  const [params, setParams] = useSearchParams();
  const addressUnreadOnly = params.get('unread') === '1';
  // The box shows a click at once; the address follows a moment later. A change of address (Back too) decides again.
  const [filter, setFilter] = useState({ unreadOnly: addressUnreadOnly, address: addressUnreadOnly });
  if (filter.address !== addressUnreadOnly) setFilter({ unreadOnly: addressUnreadOnly, address: addressUnreadOnly });
  const unreadOnly = filter.unreadOnly;
  const { error, run } = useAction();
  const { data: count } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-and-network' });
  const refetchAfterMarking = { refetchQueries: [UnreadNotificationCountDocument, NotificationsDocument] };
  const [markRead] = useMutation(MarkNotificationsReadDocument, refetchAfterMarking);
  const [markAll, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument, refetchAfterMarking);
  const unread = count?.unreadNotificationCount;
  const nothingUnread = unread === 0;

  /** Opening a row marks its notifications read (its link goes to the thread meanwhile). */
  async function open(group: ThreadGroup) {
    const ids = group.notifications.filter((notification) => !notification.read).map((notification) => notification.id);
    if (ids.length > 0) await run(() => markRead({ variables: { ids } }));
  }

  return (
    <div className="stack">
      <div className="row notification-toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              const checked = event.target.checked;
              setFilter({ unreadOnly: checked, address: addressUnreadOnly });
              setParams(checked ? { unread: '1' } : {}, { preventScrollReset: true });
            }}
          />
          Unread only
        </label>
        <span className="muted" role="status">
          {unread === undefined ? '' : unread === 0 ? 'All read' : `${unread > 99 ? '99+' : unread} unread`}
        </span>
        {/* Unavailable while nothing is unread, yet focusable: a disabled button would drop the focus of whoever just pressed it. */}
        <Button
          small
          busy={markingAll}
          aria-disabled={nothingUnread || undefined}
          onClick={nothingUnread ? undefined : () => void run(markAll)}
        >
          Mark all as read
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <NotificationLists unreadOnly={unreadOnly} onOpen={(group) => void open(group)} />
    </div>
  );
}

/**
 * The list of the filter chosen. The other filter's list starts again from its first page, loaded out of sight: the
 * rows shown stay, dimmed and busy, until it replaces them.
 */
function NotificationLists(props: { unreadOnly: boolean; onOpen: (group: ThreadGroup) => void }) {
  const [shown, setShown] = useState(props.unreadOnly);
  const loading = shown !== props.unreadOnly;
  // Keyed by the filter in one array, so the list loading out of sight is the one shown next, not loaded again.
  const filters = loading ? [shown, props.unreadOnly] : [shown];
  return filters.map((unreadOnly) => (
    <NotificationPages
      key={String(unreadOnly)}
      unreadOnly={unreadOnly}
      state={unreadOnly !== props.unreadOnly ? 'stale' : unreadOnly === shown ? 'shown' : 'loading'}
      onFirstPage={unreadOnly === shown ? undefined : () => setShown(unreadOnly)}
      onOpen={props.onOpen}
    />
  ));
}

function NotificationPages(props: {
  unreadOnly: boolean;
  /** stale: the other filter's list is loading. loading: this one is, out of sight. */
  state: 'shown' | 'stale' | 'loading';
  /** Called once the first page has its rows (or its error to show). */
  onFirstPage?: () => void;
  onOpen: (group: ThreadGroup) => void;
}) {
  const [pages, setPages] = useState<string[]>([]);
  return (
    <ul
      className={`notification-list${props.state === 'stale' ? ' notification-list--stale' : ''}`}
      aria-busy={props.state === 'stale' || undefined}
      hidden={props.state === 'loading'}
    >
      {[null, ...pages].map((after, index, all) => (
        <NotificationPage
          key={after ?? 'first'}
          after={after}
          unreadOnly={props.unreadOnly}
          isFirst={index === 0}
          isLast={index === all.length - 1}
          onLoaded={index === 0 ? props.onFirstPage : undefined}
          onOpen={props.onOpen}
          onMore={(cursor) => setPages((current) => [...current, cursor])}
        />
      ))}
    </ul>
  );
}

function NotificationPage(props: {
  after: string | null;
  unreadOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  onLoaded?: () => void;
  onOpen: (group: ThreadGroup) => void;
  onMore: (cursor: string) => void;
}) {
  // From the network too: what was opened meanwhile (the thread, then Back) is read now.
  const { data, error, refetch } = useQuery(NotificationsDocument, {
    variables: { first: 20, after: props.after, unreadOnly: props.unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const loaded = Boolean(data ?? error);
  const { onLoaded } = props;
  useEffect(() => {
    if (loaded) onLoaded?.();
  }, [loaded, onLoaded]);
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
          <li key={group.key} className={`notification${unread ? ' notification--unread' : ''}`}>
            {/* A link, so it can be opened in a new tab, copied, or seen where it leads before it is followed. */}
            <Link {...notificationLink(newest)} className="notification__open" onClick={() => props.onOpen(group)}>
              {unread ? (
                <>
                  <span className="notification__dot" aria-hidden="true" />
                  <span className="visually-hidden">New: </span>
                </>
              ) : null}
              <span className="notification__text">
                <span>{describeGroup(group)}</span>
                <strong className="notification__thread">
                  {group.thread ? group.thread.title : 'If it was not you, change your password now'}
                </strong>
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
