import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { EmptyState, LoadMoreRow, PageStatus } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { UserRepliesQuery } from '../../../gql/graphql';
import { threadLink } from '../../../lib/thread-link';
import { UserRepliesDocument } from '../api/user-documents';

const pageSize = 20;

interface UserReplyListProps {
  userId: string;
  username: string;
  /** endCursors of the pages loaded with "Load more", kept in the URL so reload and Back keep the place. */
  cursors: readonly string[];
  onLoadMore: (endCursor: string) => void;
}

/** A member's replies, newest first, each linking to the reply in its thread. */
export function UserReplyList({ userId, username, cursors, onLoadMore }: UserReplyListProps) {
  const pages = [null, ...cursors];
  return (
    <ol className="thread-list" aria-label={`Replies by ${username}`}>
      {pages.map((after, index) => (
        <UserRepliesPage
          key={after ?? 'first'}
          userId={userId}
          username={username}
          after={after}
          isFirst={index === 0}
          isLast={index === pages.length - 1}
          onLoadMore={onLoadMore}
        />
      ))}
    </ol>
  );
}

interface UserRepliesPageProps {
  userId: string;
  username: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
}

function UserRepliesPage({ userId, username, after, isFirst, isLast, onLoadMore }: UserRepliesPageProps) {
  const { data, loading, error, refetch } = useQuery(UserRepliesDocument, {
    variables: { userId, first: pageSize, after },
    notifyOnNetworkStatusChange: true,
  });
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading replies…" className="thread-list__status" />;
  const { nodes, pageInfo } = data.userReplies;
  return (
    <>
      {isFirst && nodes.length === 0 ? (
        <li>
          <EmptyState
            title={
              <>
                <bdi>{username}</bdi> has not replied yet.
              </>
            }
          />
        </li>
      ) : null}
      {nodes.map((reply) => (
        <UserReplyItem key={reply.id} reply={reply} />
      ))}
      {isLast ? <LoadMoreRow pageInfo={pageInfo} onLoadMore={onLoadMore} busy={loading} className="thread-list__more" /> : null}
    </>
  );
}

type UserReply = UserRepliesQuery['userReplies']['nodes'][number];

function UserReplyItem({ reply }: { reply: UserReply }) {
  // The list holds only replies in threads the reader may see; the field is nullable for other lists.
  if (!reply.thread) return null;
  return (
    <li className="thread-item">
      <div className="thread-item__main">
        <h3 className="thread-item__title">
          <Link {...threadLink(reply.thread.id, reply.id)}>{reply.thread.title}</Link>
        </h3>
        {reply.excerpt ? <p className="reply-excerpt">{reply.excerpt}</p> : null}
        <div className="thread-item__meta">
          {reply.isAccepted ? <Badge tone="accepted">✓ Accepted answer</Badge> : null}
          {reply.isStaffAnswer ? <Badge tone="staff">Staff answer</Badge> : null}
          {reply.hidden ? <Badge tone="hidden">Hidden</Badge> : null}
          {reply.thread.hidden ? <Badge tone="hidden">Question hidden</Badge> : null}
          <span>
            replied <TimeAgo date={reply.createdAt} />
          </span>
        </div>
      </div>
    </li>
  );
}
