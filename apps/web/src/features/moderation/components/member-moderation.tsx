import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { EmptyState, ErrorMessage, LoadMoreRow, PageStatus, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { FlagCountsFieldsFragment, FlagResolution, MemberFlagsReceivedQuery } from '../../../gql/graphql';
import { MemberFlagCountsDocument, MemberFlagsReceivedDocument } from '../api/moderation-documents';
import { FlaggedPost } from './flagged-post';

type ReceivedFlag = NonNullable<NonNullable<MemberFlagsReceivedQuery['user']>['flagsReceived']>['nodes'][number];

const pageSize = 20;

/**
 * Staff: a member's moderation history on their profile: how many flags their posts got and how many they raised (open,
 * upheld, dismissed), and the flags on their posts, newest first. Read afresh on each visit: staff change it elsewhere.
 */
export function MemberModeration({ username }: { username: string }) {
  const headingId = useId();
  const receivedId = useId();
  const raisedId = useId();
  const { data, error, refetch } = useQuery(MemberFlagCountsDocument, { variables: { username }, fetchPolicy: 'cache-and-network' });
  const counts = data?.user?.flagCounts;
  return (
    <section className="card stack member-moderation" aria-labelledby={headingId}>
      <h2 id={headingId}>Moderation</h2>
      {counts ? null : error ? <ErrorMessage error={error} retry={() => refetch()} /> : <Spinner label="Loading flag counts…" />}
      <h3 id={receivedId}>
        Flags on <bdi>{username}</bdi>’s posts
      </h3>
      {counts ? <FlagCounts counts={counts.received} labelledBy={receivedId} /> : null}
      <FlagsReceived username={username} />
      <h3 id={raisedId}>
        Flags raised by <bdi>{username}</bdi>
      </h3>
      {counts ? <FlagCounts counts={counts.raised} labelledBy={raisedId} /> : null}
    </section>
  );
}

function FlagCounts({ counts, labelledBy }: { counts: FlagCountsFieldsFragment; labelledBy: string }) {
  return (
    <dl className="stat-grid" aria-labelledby={labelledBy}>
      <Count label="Open" value={counts.open} />
      <Count label="Upheld (post hidden)" value={counts.postHidden} />
      <Count label="Dismissed" value={counts.dismissed} />
    </dl>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function FlagsReceived({ username }: { username: string }) {
  // endCursors of the pages loaded with "Load more"; each page is its own cached query.
  const [cursors, setCursors] = useState<string[]>([]);
  const pages: (string | null)[] = [null, ...cursors];
  return (
    <ol className="queue" aria-label={`Flags on ${username}’s posts, newest first`}>
      {pages.map((after, index) => (
        <FlagsReceivedPage
          key={after ?? 'first'}
          username={username}
          after={after}
          isFirst={index === 0}
          isLast={index === pages.length - 1}
          onLoadMore={(cursor) => setCursors((loaded) => [...loaded, cursor])}
        />
      ))}
    </ol>
  );
}

interface FlagsReceivedPageProps {
  username: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
}

function FlagsReceivedPage({ username, after, isFirst, isLast, onLoadMore }: FlagsReceivedPageProps) {
  const { data, error, refetch } = useQuery(MemberFlagsReceivedDocument, {
    variables: { username, first: pageSize, after },
    fetchPolicy: isFirst ? 'cache-and-network' : 'cache-first',
  });
  const connection = data?.user?.flagsReceived;
  if (!connection) return <PageStatus error={error} retry={() => refetch()} label="Loading flags…" />;
  return (
    <>
      {isFirst && connection.nodes.length === 0 ? (
        <li>
          <EmptyState
            title={
              <>
                No flags on <bdi>{username}</bdi>’s posts.
              </>
            }
          />
        </li>
      ) : null}
      {connection.nodes.map((flag) => (
        <ReceivedFlagRow key={flag.id} flag={flag} />
      ))}
      {isLast ? <LoadMoreRow pageInfo={connection.pageInfo} onLoadMore={onLoadMore} /> : null}
    </>
  );
}

const resolutionBadges: Record<FlagResolution, { label: string; tone: 'hidden' | 'neutral' }> = {
  POST_HIDDEN: { label: 'Upheld: post hidden', tone: 'hidden' },
  DISMISSED: { label: 'Dismissed', tone: 'neutral' },
};

function ReceivedFlagRow({ flag }: { flag: ReceivedFlag }) {
  const badge = flag.resolution ? resolutionBadges[flag.resolution] : { label: 'Open', tone: 'open' as const };
  return (
    <li className="queue-item">
      <div className="queue-item__head">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        <span className="muted">
          {flag.postType === 'THREAD' ? 'Question' : 'Reply'} flagged by{' '}
          {flag.reporter ? (
            <Link to={`/u/${encodeURIComponent(flag.reporter.username)}`}>
              <bdi>{flag.reporter.username}</bdi>
            </Link>
          ) : (
            'a former member'
          )}{' '}
          <TimeAgo date={flag.createdAt} />
        </span>
      </div>
      <FlaggedPost flag={flag} />
    </li>
  );
}
