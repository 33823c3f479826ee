import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageStatus } from './status';

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
