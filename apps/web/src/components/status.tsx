import type { ReactNode } from 'react';
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
  const { hasNextPage, endCursor } = pageInfo;
  if (!hasNextPage || !endCursor) return null;
  return (
    <li className={className}>
      <Button busy={busy} onClick={() => onLoadMore(endCursor)}>
        {children}
      </Button>
    </li>
  );
}
