import { useQuery } from '@apollo/client/react';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { EmptyState, ErrorMessage, LoadMoreRow, PageStatus, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { FlagCountsFieldsFragment, FlagResolution, MemberFlagFieldsFragment } from '../../../gql/graphql';
import { MemberFlagCountsDocument, MemberFlagsRaisedDocument, MemberFlagsReceivedDocument } from '../api/moderation-documents';
import { FlaggedPost } from './flagged-post';

const pageSize = 20;

/**
 * Staff: a member's moderation history on their profile: how many flags their posts got and how many they raised (open,
 * upheld, dismissed), and both lists of those flags, newest first. Read afresh on each visit: staff change it elsewhere.
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
      <MemberFlags side="received" username={username} />
      <h3 id={raisedId}>
        Flags raised by <bdi>{username}</bdi>
      </h3>
      {counts ? <FlagCounts counts={counts.raised} labelledBy={raisedId} /> : null}
      <MemberFlags side="raised" username={username} />
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

type Side = 'received' | 'raised';

interface SideText {
  label: (username: string) => string;
  more: (username: string) => string;
  empty: (username: ReactNode) => ReactNode;
}

/**
 * How each list is named (its "Load more" too: two such buttons in one section must not sound alike to a screen reader),
 * and what it says when empty.
 */
const sides: Record<Side, SideText> = {
  received: {
    label: (username) => `Flags on ${username}’s posts, newest first`,
    more: (username) => `flags on ${username}’s posts`,
    empty: (username) => <>No flags on {username}’s posts.</>,
  },
  raised: {
    label: (username) => `Flags raised by ${username}, newest first`,
    more: (username) => `flags raised by ${username}`,
    empty: (username) => <>{username} has not flagged any post.</>,
  },
};

function MemberFlags({ side, username }: { side: Side; username: string }) {
  // endCursors of the pages loaded with "Load more"; each page is its own cached query.
  const [cursors, setCursors] = useState<string[]>([]);
  const pages: (string | null)[] = [null, ...cursors];
  const Page = side === 'received' ? FlagsReceivedPage : FlagsRaisedPage;
  return (
    <ol className="queue" aria-label={sides[side].label(username)}>
      {pages.map((after, index) => (
        <Page
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

interface PageProps {
  username: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
}

const pageOptions = ({ username, after, isFirst }: PageProps) =>
  ({
    variables: { username, first: pageSize, after },
    fetchPolicy: isFirst ? 'cache-and-network' : 'cache-first',
  }) as const;

function FlagsReceivedPage(props: PageProps) {
  const { data, error, refetch } = useQuery(MemberFlagsReceivedDocument, pageOptions(props));
  return <FlagsPage {...props} side="received" connection={data?.user?.flagsReceived} error={error} retry={() => refetch()} />;
}

function FlagsRaisedPage(props: PageProps) {
  const { data, error, refetch } = useQuery(MemberFlagsRaisedDocument, pageOptions(props));
  return <FlagsPage {...props} side="raised" connection={data?.user?.flagsRaised} error={error} retry={() => refetch()} />;
}

interface FlagsPageProps extends PageProps {
  side: Side;
  connection: { nodes: MemberFlagFieldsFragment[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null | undefined;
  error: Error | undefined;
  retry: () => void;
}

function FlagsPage({ side, username, connection, error, retry, isFirst, isLast, onLoadMore }: FlagsPageProps) {
  if (!connection) return <PageStatus error={error} retry={retry} label="Loading flags…" />;
  return (
    <>
      {isFirst && connection.nodes.length === 0 ? (
        <li>
          <EmptyState title={sides[side].empty(<bdi>{username}</bdi>)} />
        </li>
      ) : null}
      {connection.nodes.map((flag) => (
        <FlagRow key={flag.id} side={side} flag={flag} />
      ))}
      {isLast ? (
        <LoadMoreRow pageInfo={connection.pageInfo} onLoadMore={onLoadMore}>
          Load more<span className="visually-hidden"> {sides[side].more(username)}</span>
        </LoadMoreRow>
      ) : null}
    </>
  );
}

const resolutionBadges: Record<FlagResolution, { label: string; tone: 'hidden' | 'neutral' }> = {
  POST_HIDDEN: { label: 'Upheld: post hidden', tone: 'hidden' },
  DISMISSED: { label: 'Dismissed', tone: 'neutral' },
};

function FlagRow({ side, flag }: { side: Side; flag: MemberFlagFieldsFragment }) {
  const badge = flag.resolution ? resolutionBadges[flag.resolution] : { label: 'Open', tone: 'open' as const };
  const post = flag.postType === 'THREAD' ? 'Question' : 'Reply';
  return (
    <li className="queue-item">
      <div className="queue-item__head">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        <span className="muted">
          {side === 'received' ? (
            <>
              {post} flagged by <MemberLink member={flag.reporter} />
            </>
          ) : flag.postAuthor ? (
            <>
              {post} by <MemberLink member={flag.postAuthor} />, flagged
            </>
          ) : (
            <>{post} flagged</>
          )}{' '}
          <TimeAgo date={flag.createdAt} />
        </span>
      </div>
      <FlaggedPost flag={flag} />
    </li>
  );
}

function MemberLink({ member }: { member: { username: string } | null }) {
  if (!member) return <>a former member</>;
  return (
    <Link to={`/u/${encodeURIComponent(member.username)}`}>
      <bdi>{member.username}</bdi>
    </Link>
  );
}
