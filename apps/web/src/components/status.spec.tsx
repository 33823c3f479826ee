import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadMoreRow, PageStatus } from './status';

afterEach(cleanup);

describe('PageStatus', () => {
  it('shows a labelled spinner while the page loads', () => {
    render(
      <ul>
        <PageStatus retry={() => undefined} label="Loading replies…" />
      </ul>,
    );
    expect(screen.getByRole('status').textContent).toContain('Loading replies…');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error with a retry instead, once loading failed', () => {
    const retry = vi.fn();
    render(
      <ul>
        <PageStatus error={new Error('The server did not answer')} retry={retry} label="Loading replies…" />
      </ul>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('LoadMoreRow', () => {
  it('asks for the next page by the endCursor', () => {
    const onLoadMore = vi.fn();
    render(
      <ul>
        <LoadMoreRow pageInfo={{ hasNextPage: true, endCursor: 'cursor-20' }} onLoadMore={onLoadMore} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoadMore).toHaveBeenCalledWith('cursor-20');
  });

  it('is not there when the server has no next page', () => {
    render(
      <ul>
        <LoadMoreRow pageInfo={{ hasNextPage: false, endCursor: 'cursor-20' }} onLoadMore={() => undefined} />
      </ul>,
    );
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('says it is busy and ignores a press while the page reads itself again', () => {
    const onLoadMore = vi.fn();
    render(
      <ul>
        <LoadMoreRow pageInfo={{ hasNextPage: true, endCursor: 'cursor-20' }} onLoadMore={onLoadMore} busy>
          More results
        </LoadMoreRow>
      </ul>,
    );
    const button = screen.getByRole('button', { name: 'More results' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(button);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('asks for the page before by the startCursor when it loads earlier items', () => {
    const onLoadMore = vi.fn();
    const pageInfo = { hasPreviousPage: true, hasNextPage: true, startCursor: 'cursor-1', endCursor: 'cursor-20' };
    render(
      <ul>
        <LoadMoreRow direction="before" pageInfo={pageInfo} onLoadMore={onLoadMore} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load earlier' }));
    expect(onLoadMore).toHaveBeenCalledWith('cursor-1');
  });

  it('is not there when the server has no page before, whatever follows', () => {
    const pageInfo = { hasPreviousPage: false, hasNextPage: true, startCursor: 'cursor-1', endCursor: 'cursor-20' };
    render(
      <ul>
        <LoadMoreRow direction="before" pageInfo={pageInfo} onLoadMore={() => undefined} />
      </ul>,
    );
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
