import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmptyState, LoadMoreRow, PageStatus } from '../../../components/status';
import { TagList } from '../../../components/tag-list';
import { ThreadBadges } from '../../../components/thread-badges';
import { TimeAgo } from '../../../components/time-ago';
import { ReplyCount } from '../../../components/reply-count';
import { threadLink } from '../../../lib/thread-link';
import { SearchDocument } from '../api/search-documents';

const pageSize = 20;

interface SearchResultsProps {
  query: string;
  cursors: readonly string[];
  onLoadMore: (endCursor: string) => void;
}

export function SearchResults({ query, cursors, onLoadMore }: SearchResultsProps) {
  const pages: (string | null)[] = [null, ...cursors];
  return (
    <ol className="thread-list" aria-label={`Search results for ${query}`}>
      {pages.map((after, index) => (
        <SearchResultsPage
          key={after ?? 'first'}
          query={query}
          after={after}
          isFirst={index === 0}
          isLast={index === pages.length - 1}
          onLoadMore={onLoadMore}
        />
      ))}
    </ol>
  );
}

interface SearchResultsPageProps {
  query: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (endCursor: string) => void;
}

function SearchResultsPage({ query, after, isFirst, isLast, onLoadMore }: SearchResultsPageProps) {
  const { data, error, loading, refetch } = useQuery(SearchDocument, { variables: { query, first: pageSize, after } });
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Searching…" className="thread-list__status" />;
  const { nodes, pageInfo } = data.search;
  return (
    <>
      {isFirst && nodes.length === 0 ? (
        <li>
          <EmptyState
            title={
              <>
                Nothing matches “<bdi>{query}</bdi>”.
              </>
            }
          >
            <p>
              Try other words, or <Link to="/ask">ask it as a new question</Link>.
            </p>
          </EmptyState>
        </li>
      ) : null}
      {nodes.map(({ thread, ...result }) => (
        <li key={result.threadId} className="thread-item search-result">
          {/* In the title and the snippet, the server escapes the text and adds only <mark> around the matched words. */}
          <div className="thread-item__main">
            <h2 className="thread-item__title">
              <Link {...threadLink(result.threadId, result.matchedIn === 'REPLY' ? result.postId : null)}>
                <span dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
              </Link>
            </h2>
            <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: result.snippet }} />
            <div className="thread-item__meta">
              <ThreadBadges thread={thread} />
              <span>{result.matchedIn === 'REPLY' ? 'Matched in a reply' : 'Matched in the question'}</span>
              <span aria-hidden="true">·</span>
              <span>
                active <TimeAgo date={thread.lastActivityAt} />
              </span>
            </div>
            <TagList tags={thread.tags} />
          </div>
          <ReplyCount count={thread.replyCount} />
        </li>
      ))}
      {isLast ? (
        <LoadMoreRow pageInfo={pageInfo} onLoadMore={onLoadMore} busy={loading} className="thread-list__more">
          More results
        </LoadMoreRow>
      ) : null}
    </>
  );
}
