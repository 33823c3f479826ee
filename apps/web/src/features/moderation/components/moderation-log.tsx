import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { EmptyState, LoadMoreRow, PageStatus } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { FlagFieldsFragment, ModerationLogQuery } from '../../../gql/graphql';
import { threadLink } from '../../../lib/thread-link';
import { ModerationLogDocument } from '../api/moderation-documents';

type LogEntry = ModerationLogQuery['moderationLog']['nodes'][number];

const pageSize = 25;

/** Staff: every moderation action, newest first, a page at a time. */
export function ModerationLog() {
  // endCursors of the pages loaded with "Load more"; each page is its own cached query.
  const [cursors, setCursors] = useState<string[]>([]);
  const pages: (string | null)[] = [null, ...cursors];
  return (
    <ol className="queue moderation-log" aria-label="Moderation log">
      {pages.map((after, index) => (
        <ModerationLogPage
          key={after ?? 'first'}
          after={after}
          isFirst={index === 0}
          isLast={index === pages.length - 1}
          onLoadMore={(cursor) => setCursors((loaded) => [...loaded, cursor])}
        />
      ))}
    </ol>
  );
}

interface ModerationLogPageProps {
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
}

function ModerationLogPage({ after, isFirst, isLast, onLoadMore }: ModerationLogPageProps) {
  // The log grows while staff work: the first page is always fetched fresh.
  const { data, error, refetch } = useQuery(ModerationLogDocument, {
    variables: { first: pageSize, after },
    fetchPolicy: isFirst ? 'cache-and-network' : 'cache-first',
  });
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading the moderation log…" />;
  const { nodes, pageInfo } = data.moderationLog;
  return (
    <>
      {isFirst && nodes.length === 0 ? (
        <li>
          <EmptyState title="No moderation actions yet." />
        </li>
      ) : null}
      {nodes.map((entry) => (
        <LogRow key={entry.id} entry={entry} />
      ))}
      {isLast ? <LoadMoreRow pageInfo={pageInfo} onLoadMore={onLoadMore} className="moderation-log__more" /> : null}
    </>
  );
}

const actionLabels: Record<string, { label: string; tone: 'hidden' | 'open' | 'locked' | 'neutral' | 'staff' }> = {
  HIDE: { label: 'Hidden', tone: 'hidden' },
  RESTORE: { label: 'Restored', tone: 'open' },
  LOCK: { label: 'Locked', tone: 'locked' },
  UNLOCK: { label: 'Unlocked', tone: 'open' },
  RESOLVE_FLAG: { label: 'Flag dismissed', tone: 'neutral' },
  CHANGE_ROLE: { label: 'Role changed', tone: 'staff' },
};

/** The flagged post as the open flags showed it: why it was flagged, and how it starts. */
function FlaggedPost({ flag }: { flag: FlagFieldsFragment }) {
  return (
    <>
      <p className="queue-item__reason">
        <strong>Flagged because:</strong> <bdi>{flag.reason}</bdi>
      </p>
      {flag.excerpt ? <blockquote className="queue-item__excerpt">{flag.excerpt}</blockquote> : null}
    </>
  );
}

/** Why the thread stopped or started being solved with this hide or restore. */
const acceptanceTexts: Record<NonNullable<LogEntry['acceptance']>, string> = {
  WITHDRAWN: 'Acceptance withdrawn: the reply was the accepted answer, so the question is no longer solved.',
  GIVEN_BACK: 'Acceptance given back: the reply was the accepted answer when it was hidden, so the question is solved again.',
};

function LogRow({ entry }: { entry: LogEntry }) {
  const action = actionLabels[entry.action] ?? { label: entry.action, tone: 'neutral' as const };
  return (
    <li className="queue-item moderation-log__entry">
      <div className="queue-item__head">
        <Badge tone={action.tone}>{action.label}</Badge>
        <span className="muted">
          by{' '}
          {entry.actor ? (
            <Link to={`/u/${encodeURIComponent(entry.actor.username)}`}>
              <bdi>{entry.actor.username}</bdi>
            </Link>
          ) : (
            'a former moderator'
          )}{' '}
          · <TimeAgo date={entry.createdAt} />
        </span>
      </div>
      <p className="moderation-log__target">
        <Target entry={entry} />
      </p>
      {entry.flag ? <FlaggedPost flag={entry.flag} /> : null}
      {entry.acceptance ? <p className="muted">{acceptanceTexts[entry.acceptance]}</p> : null}
      {entry.note ? (
        <p className="queue-item__reason">
          <strong>Note:</strong> <bdi>{entry.action === 'CHANGE_ROLE' ? entry.note.replace('->', ' → ') : entry.note}</bdi>
        </p>
      ) : null}
    </li>
  );
}

/** What the action was done to, linked where the thread or user still exists. */
function Target({ entry }: { entry: LogEntry }) {
  if (entry.flag) {
    const { flag } = entry;
    const what = `Flag on ${flag.postType === 'THREAD' ? 'the question' : 'a reply in'}`;
    if (!flag.threadId) return <>{`${what} a post that no longer exists`}</>;
    return (
      <>
        {what}{' '}
        <Link {...threadLink(flag.threadId, flag.postType === 'REPLY' ? flag.postId : null)}>
          <bdi>{flag.threadTitle}</bdi>
        </Link>
      </>
    );
  }
  if (entry.targetType === 'USER') {
    return entry.targetUser ? (
      <>
        User{' '}
        <Link to={`/u/${encodeURIComponent(entry.targetUser.username)}`}>
          <bdi>{entry.targetUser.username}</bdi>
        </Link>
      </>
    ) : (
      <>User #{entry.targetId}</>
    );
  }
  const what =
    entry.targetType === 'REPLY' ? `Reply #${entry.targetId} in` : entry.targetType === 'FLAG' ? `Flag #${entry.targetId} on` : 'Question';
  if (!entry.thread) return <>{`${what} a post that no longer exists`}</>;
  return (
    <>
      {what}{' '}
      <Link {...threadLink(entry.thread.id, entry.targetType === 'REPLY' ? entry.targetId : null)}>
        <bdi>{entry.thread.title}</bdi>
      </Link>
    </>
  );
}
