import { useRef, type ReactNode } from 'react';
import { messageOf } from '../lib/graphql-errors';
import { Button } from './button';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorMessage({ error, retry, children }: { error?: unknown; retry?: () => unknown; children?: ReactNode }) {
  return (
    <div className="notice notice--error notice--row" role="alert">
      <p>{children ?? messageOf(error)}</p>
      {retry ? (
        <Button small onClick={() => void retry()}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** A failed action's sentence beside the control that started it (`block` under it, as a paragraph). */
export function InlineError({ error, block = false }: { error: unknown; block?: boolean }) {
  if (!error) return null;
  const Element = block ? 'p' : 'span';
  return (
    <Element className="inline-error" role="alert">
      {messageOf(error)}
    </Element>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children}
    </div>
  );
}

/** The list row that stands for a page still loading, or failing to load (with a retry). */
export function PageStatus({
  error,
  retry,
  label,
  className,
}: {
  error?: unknown;
  retry: () => unknown;
  label: string;
  className?: string;
}) {
  return <li className={className}>{error ? <ErrorMessage error={error} retry={retry} /> : <Spinner label={label} />}</li>;
}

/**
 * The row that ends the last loaded page of a list while the server has another: a button that asks for it by the
 * page's endCursor. `busy` while that page reads itself again.
 */
export function LoadMoreRow({
  pageInfo,
  onLoadMore,
  busy,
  className,
  children = 'Load more',
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  onLoadMore: (endCursor: string) => void;
  busy?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const row = useRef<HTMLLIElement>(null);
  const { hasNextPage, endCursor } = pageInfo;
  if (!hasNextPage || !endCursor) return null;
  const loadMore = () => {
    if (row.current) focusFirstItemAfter(row.current);
    onLoadMore(endCursor);
  };
  return (
    <li className={className} ref={row}>
      <Button busy={busy} onClick={loadMore}>
        {children}
      </Button>
    </li>
  );
}

/**
 * The row that starts the first loaded page of a list opened part-way (at a linked item) while the server has earlier
 * items: a button that asks for the page before by the page's startCursor. Focus goes on to the last item of that page,
 * just above where the reader was (the page's own row for the page before it comes first).
 */
export function LoadEarlierRow({
  pageInfo,
  onLoadEarlier,
  children = 'Load earlier',
}: {
  pageInfo: { hasPreviousPage: boolean; startCursor?: string | null };
  onLoadEarlier: (startCursor: string) => void;
  children?: ReactNode;
}) {
  const row = useRef<HTMLLIElement>(null);
  const { hasPreviousPage, startCursor } = pageInfo;
  if (!hasPreviousPage || !startCursor) return null;
  const loadEarlier = () => {
    if (row.current) focusLastItemBefore(row.current);
    onLoadEarlier(startCursor);
  };
  return (
    <li ref={row}>
      <Button onClick={loadEarlier}>{children}</Button>
    </li>
  );
}

/**
 * Once the next page is in, focus goes to its first item. The button that had it leaves with the page it ended, and
 * focus would fall to the body, sending keyboard and screen-reader users back to the top of the page. The next page's
 * items take the row's place in the same list (a list's pages are parts of one list); the row that stands for a page
 * still loading (a status) is not one of them. Focus that moved elsewhere meanwhile is left where it is.
 */
function focusFirstItemAfter(row: HTMLLIElement): void {
  const list = row.parentElement;
  if (!list) return;
  const index = Array.prototype.indexOf.call(list.children, row);
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !row.contains(active)) {
      observer.disconnect();
      return;
    }
    const item = list.children[index];
    if (!(item instanceof HTMLElement) || item === row || item.querySelector('[role="status"], [role="alert"]')) return;
    observer.disconnect();
    if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
    item.focus();
  });
  observer.observe(list, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 30_000);
}

/** As focusFirstItemAfter, for a row that loads the page before the item that follows it: focus goes to that page's last item. */
function focusLastItemBefore(row: HTMLLIElement): void {
  const list = row.parentElement;
  const next = row.nextElementSibling;
  if (!list || !next) return;
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    if ((active && active !== document.body && !row.contains(active)) || !next.isConnected) {
      observer.disconnect();
      return;
    }
    const item = next.previousElementSibling;
    if (!(item instanceof HTMLElement) || item === row || item.querySelector('[role="status"], [role="alert"]')) return;
    observer.disconnect();
    if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
    item.focus();
  });
  observer.observe(list, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 30_000);
}
