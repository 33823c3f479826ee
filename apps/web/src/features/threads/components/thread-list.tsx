import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { EmptyState, LoadMoreRow, PageStatus } from '../../../components/status';
import { TagList } from '../../../components/tag-list';
import { ThreadBadges } from '../../../components/thread-badges';
import { TimeAgo } from '../../../components/time-ago';
import { ReplyCount } from '../../../components/reply-count';
import type { ThreadListQuery } from '../../../gql/graphql';
import { threadLink } from '../../../lib/thread-link';
import { ThreadListDocument } from '../api/thread-list-documents';
import { LiveActivityBanner, type ThreadListFilter, useForumActivity } from './live-activity-banner';

export type ThreadListTab = 'latest' | 'unanswered' | 'answered';

const pageSize = 20;

function filterFor(tab: ThreadListTab, tag: string | null, authorId?: string): ThreadListFilter {
  return {
    ...(tag ? { tag } : {}),
    ...(authorId ? { authorId } : {}),
    ...(tab === 'unanswered' ? { unanswered: true } : tab === 'answered' ? { unanswered: false } : {}),
  };
}

interface ThreadListProps {
  tab: ThreadListTab;
  tag: string | null;
  /** Only questions this user asked (a profile). */
  author?: { id: string; username: string };
  /** endCursors of the pages loaded with "Load more", kept in the URL so reload and Back keep the place. */
  cursors: readonly string[];
  onLoadMore: (endCursor: string) => void;
}

/**
 * A list of questions that follows the forum live wherever it is shown: it offers the threads it shows that have new
 * activity (marked once shown), and reads itself again when a moderator changes what it shows. The marks outlive a
 * change of tab or tag: the page is the same.
 */
export function ThreadList({ tab, tag, author, cursors, onLoadMore }: ThreadListProps) {
  const authorId = author?.id;
  const filter = filterFor(tab, tag, authorId);
  const pages = [null, ...cursors].map((after) => ({ after, key: `${authorId ?? ''}:${tab}:${tag ?? ''}:${after ?? 'first'}` }));
  // Each loaded page's threads, by page key; pages of another tab or tag are left out below.
  const [shownByPage, setShownByPage] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const onShown = useCallback(
    (pageKey: string, threadIds: readonly string[]) => setShownByPage((current) => new Map(current).set(pageKey, threadIds)),
    [],
  );
  const activity = useForumActivity(filter, new Set(pages.flatMap(({ key }) => shownByPage.get(key) ?? [])));
  return (
    <>
      <LiveActivityBanner activity={activity} />
      <ol className="thread-list" aria-label="Questions">
        {pages.map(({ after, key }, index) => (
          <ThreadListPage
            key={key}
            pageKey={key}
            onShown={onShown}
            tab={tab}
            tag={tag}
            author={author}
            filter={filter}
            after={after}
            isLast={index === pages.length - 1}
            isFirst={index === 0}
            onLoadMore={onLoadMore}
            freshThreadIds={activity.fresh}
          />
        ))}
      </ol>
    </>
  );
}

interface ThreadListPageProps {
  pageKey: string;
  /** Tells the list which threads this page shows, each time it loads. */
  onShown: (pageKey: string, threadIds: readonly string[]) => void;
  tab: ThreadListTab;
  tag: string | null;
  author?: { username: string };
  filter: ThreadListFilter;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
  freshThreadIds: ReadonlySet<string>;
}

function ThreadListPage({
  pageKey,
  onShown,
  tab,
  tag,
  author,
  filter,
  after,
  isFirst,
  isLast,
  onLoadMore,
  freshThreadIds,
}: ThreadListPageProps) {
  const { data, loading, error, refetch } = useQuery(ThreadListDocument, {
    variables: { filter, sort: 'LATEST_ACTIVITY', first: pageSize, after },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data?.threads.nodes;
  useEffect(() => {
    if (shown)
      onShown(
        pageKey,
        shown.map((thread) => thread.id),
      );
  }, [shown, onShown, pageKey]);
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading questions…" className="thread-list__status" />;
  const { nodes, pageInfo } = data.threads;
  return (
    <>
      {isFirst && nodes.length === 0 ? (
        <li>
          {author ? (
            // Someone's profile: an invitation to ask would read as addressed to them.
            <EmptyState
              title={
                <>
                  <bdi>{author.username}</bdi> has not asked a question yet.
                </>
              }
            />
          ) : (
            <EmptyState title={emptyTitle(tab, tag)}>
              <p>
                <Link to="/ask">Ask a question</Link>
              </p>
            </EmptyState>
          )}
        </li>
      ) : null}
      {nodes.map((thread) => (
        <ThreadListItem
          key={thread.id}
          thread={thread}
          fresh={freshThreadIds.has(thread.id)}
          // On a profile the list sits under the section's own heading.
          Title={author ? 'h3' : 'h2'}
        />
      ))}
      {isLast ? <LoadMoreRow pageInfo={pageInfo} onLoadMore={onLoadMore} busy={loading} className="thread-list__more" /> : null}
    </>
  );
}

function emptyTitle(tab: ThreadListTab, tag: string | null): ReactNode {
  const tagged = tag ? (
    <>
      {' '}
      tagged “<bdi>{tag}</bdi>”
    </>
  ) : null;
  if (tab === 'unanswered') return <>No unanswered questions{tagged}.</>;
  if (tab === 'answered') return <>No answered questions{tagged} yet.</>;
  return <>No questions{tagged} yet.</>;
}

type ThreadSummary = ThreadListQuery['threads']['nodes'][number];

function ThreadListItem({ thread, fresh, Title }: { thread: ThreadSummary; fresh: boolean; Title: 'h2' | 'h3' }) {
  return (
    <li className={`thread-item${fresh ? ' thread-item--fresh' : ''}`}>
      <div className="thread-item__main">
        <Title className="thread-item__title">
          <Link {...threadLink(thread.id)}>{thread.title}</Link>
        </Title>
        <div className="thread-item__meta">
          <ThreadBadges thread={thread} />
          {fresh ? <Badge tone="open">New activity</Badge> : null}
          <span>
            asked by{' '}
            <Link to={`/u/${encodeURIComponent(thread.author.username)}`}>
              <bdi>{thread.author.username}</bdi>
            </Link>
          </span>
          <span aria-hidden="true">·</span>
          <span>
            active <TimeAgo date={thread.lastActivityAt} />
          </span>
        </div>
        <TagList tags={thread.tags} />
      </div>
      <ReplyCount count={thread.replyCount} />
    </li>
  );
}
