import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PopularTagsDocument } from '../api/thread-list-documents';

const shownTags = 20;

interface PopularTagsProps {
  /** The tag the list is filtered by, if any. */
  tag: string | null;
  /** Where a chip leads: the current list filtered by `tag`, or unfiltered for null. */
  hrefFor: (tag: string | null) => string;
}

/** The most used tags as chips that filter the list; the active one stays first even when it is not popular. */
export function PopularTags({ tag, hrefFor }: PopularTagsProps) {
  // Counts change as people ask: show the cached ones at once and refresh them.
  const { data, error, refetch } = useQuery(PopularTagsDocument, { variables: { first: shownTags }, fetchPolicy: 'cache-and-network' });
  const popular = data?.tags ?? [];
  const chips = tag && !popular.some((entry) => entry.tag === tag) ? [{ tag, threadCount: null }, ...popular] : popular;
  if (!data && !tag) {
    if (!error) return <div className="tag-chips tag-chips--loading" aria-hidden="true" />;
    return (
      <p className="tag-chips__error">
        Tags could not be loaded.{' '}
        <button type="button" className="link-button" onClick={() => void refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (chips.length === 0) return null;
  return (
    <nav className="tag-chips" aria-label="Filter by tag">
      <ul>
        <li>
          <Link className="tag-chip" to={hrefFor(null)} aria-current={tag === null ? 'page' : undefined}>
            All tags
          </Link>
        </li>
        {chips.map((entry) => (
          <li key={entry.tag}>
            <Link className="tag-chip" to={hrefFor(entry.tag)} aria-current={entry.tag === tag ? 'page' : undefined}>
              {entry.tag}
              {/* The count is part of the visible name (no aria-label that differs from what is shown). */}
              {entry.threadCount === null ? null : (
                <>
                  <span className="visually-hidden">, </span>
                  <span className="tag-chip__count">{entry.threadCount}</span>
                  <span className="visually-hidden">{entry.threadCount === 1 ? ' question' : ' questions'}</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
