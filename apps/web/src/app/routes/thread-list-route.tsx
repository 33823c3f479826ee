import { countedLength, searchQueryLength } from '#post-limits';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/status';
import { SearchBox } from '../../features/search/components/search-box';
import { SearchResults } from '../../features/search/components/search-results';
import { PopularTags } from '../../features/threads/components/popular-tags';
import { ThreadList, type ThreadListTab } from '../../features/threads/components/thread-list';
import { isolate } from '../../lib/bidi';
import { usePageTitle } from '../../lib/use-page-title';
import { PageHeading } from '../../components/page-heading';

const tabs: { id: ThreadListTab; label: string }[] = [
  { id: 'latest', label: 'Latest activity' },
  { id: 'unanswered', label: 'Unanswered' },
  { id: 'answered', label: 'Answered' },
];

function asTab(value: string | null): ThreadListTab {
  return value === 'unanswered' || value === 'answered' ? value : 'latest';
}

/** Everything about the list lives in the URL (tab, tag, query and the pages loaded), so Back and reload keep the place. */
export function ThreadListRoute() {
  const [params, setParams] = useSearchParams();
  const tab = asTab(params.get('tab'));
  const tag = params.get('tag');
  const query = params.get('q')?.trim() ?? '';
  const cursors = params.getAll('after');
  usePageTitle(query ? `Search: ${isolate(query)}` : tag ? `Questions tagged ${isolate(tag)}` : null);

  function update(changes: Record<string, string | null>, keepPages = false) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!keepPages) next.delete('after');
    setParams(next);
  }

  function loadMore(endCursor: string) {
    const next = new URLSearchParams(params);
    next.append('after', endCursor);
    setParams(next, { replace: true, preventScrollReset: true });
  }

  return (
    <div className="list-page">
      <div className="page-header">
        <PageHeading>{query ? 'Search' : 'Questions'}</PageHeading>
        <Link className="button button--primary" to="/ask">
          Ask a question
        </Link>
      </div>
      <SearchBox query={query} onSearch={(value) => update({ q: value || null })} />
      {query ? (
        <>
          <p className="list-page__summary">
            Results for{' '}
            <strong>
              “<bdi>{query}</bdi>”
            </strong>{' '}
            <button type="button" className="link-button" onClick={() => update({ q: null })}>
              Clear search
            </button>
          </p>
          {countedLength(query) > searchQueryLength.max ? (
            <EmptyState title="That search is too long.">
              <p>
                Search for at most {searchQueryLength.max} characters; this one has {countedLength(query)}. A few words from your question
                find more than a whole paragraph.
              </p>
            </EmptyState>
          ) : (
            <SearchResults key={query} query={query} cursors={cursors} onLoadMore={loadMore} />
          )}
        </>
      ) : (
        <>
          <div className="list-toolbar">
            <nav className="tabs" aria-label="Which questions">
              {tabs.map((item) => (
                <Link key={item.id} to={`?${tabParams(params, item.id)}`} aria-current={item.id === tab ? 'page' : undefined}>
                  {item.label}
                </Link>
              ))}
            </nav>
          </div>
          <PopularTags tag={tag} hrefFor={(value) => `?${tagParams(params, value)}`} />
          <ThreadList tab={tab} tag={tag} cursors={cursors} onLoadMore={loadMore} />
        </>
      )}
    </div>
  );
}

function tabParams(params: URLSearchParams, tab: ThreadListTab): string {
  const next = new URLSearchParams(params);
  next.delete('after');
  if (tab === 'latest') next.delete('tab');
  else next.set('tab', tab);
  return next.toString();
}

/** The list's address with `tag` set (or cleared), keeping the tab and dropping loaded pages. */
function tagParams(params: URLSearchParams, tag: string | null): string {
  const next = new URLSearchParams(params);
  next.delete('after');
  if (tag) next.set('tag', tag);
  else next.delete('tag');
  return next.toString();
}
