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

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
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

/** Which way a row loads: the page after the last one loaded (by its endCursor), or the one before the first (startCursor). */
export type LoadDirection = 'after' | 'before';

type LoadMoreRowProps = {
  onLoadMore: (cursor: string) => void;
  busy?: boolean;
  className?: string;
  children?: ReactNode;
} & (
  | { direction?: 'after'; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }
  | { direction: 'before'; pageInfo: { hasPreviousPage: boolean; startCursor?: string | null } }
);

/**
 * The row that ends the last loaded page of a list while the server has another (`after`, the default), or starts the
 * first loaded page of a list opened part-way, at a linked item, while the server has earlier items (`before`): a button
 * that asks for that page by the loaded page's endCursor or startCursor. `busy` while that page reads itself again.
 * Once the page is in, focus goes to its item nearest the reader: the first of a page after, the last of a page before
 * (just above where the reader was; that page's own row for the page before it comes first).
 */
export function LoadMoreRow(props: LoadMoreRowProps) {
  const row = useRef<HTMLLIElement>(null);
  const direction = props.direction ?? 'after';
  const [more, cursor] =
    props.direction === 'before'
      ? [props.pageInfo.hasPreviousPage, props.pageInfo.startCursor]
      : [props.pageInfo.hasNextPage, props.pageInfo.endCursor];
  const { onLoadMore, busy, className, children = direction === 'before' ? 'Load earlier' : 'Load more' } = props;
  if (!more || !cursor) return null;
  const loadMore = () => {
    if (row.current) focusLoadedItem(row.current, direction);
    onLoadMore(cursor);
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
 * Once the page is in, focus goes to its item nearest the reader. The button that had it leaves with its row, and focus
 * would fall to the body, sending keyboard and screen-reader users back to the top of the page. The page's items take
 * the row's place in the same list (a list's pages are parts of one list): a page after at the row's index, a page
 * before just above the item that followed the row. The row that stands for a page still loading (a status) is not one
 * of them. Focus that moved elsewhere meanwhile is left where it is.
 */
function focusLoadedItem(row: HTMLLIElement, direction: LoadDirection): void {
  const list = row.parentElement;
  const next = row.nextElementSibling;
  if (!list || (direction === 'before' && !next)) return;
  const index = Array.prototype.indexOf.call(list.children, row);
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    if ((active && active !== document.body && !row.contains(active)) || (next && direction === 'before' && !next.isConnected)) {
      observer.disconnect();
      return;
    }
    const item = direction === 'before' ? next?.previousElementSibling : list.children[index];
    if (!(item instanceof HTMLElement) || item === row || item.querySelector('[role="status"], [role="alert"]')) return;
    observer.disconnect();
    if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
    item.focus();
  });
  observer.observe(list, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 30_000);
}
