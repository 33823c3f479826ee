import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineError } from '../components/status';
import { useRowRemoval } from './use-queue-row-focus';

afterEach(cleanup);

const rowFocus = { row: '.device-list__item', list: '.device-list' };

/** A row whose Remove runs `mutate` through useRowRemoval, writing down what ran after it in `done`. */
function Row({ mutate, done }: { mutate: () => Promise<unknown>; done: string[] }) {
  const rowRef = useRef<HTMLLIElement>(null);
  const { error, remove } = useRowRemoval(rowRef, rowFocus, async () => done.push('refetched'));
  return (
    <ul className="device-list" tabIndex={-1}>
      <li ref={rowRef} className="device-list__item">
        <button onClick={() => remove(mutate, async () => done.push('afterwards'))}>Remove</button>
        <InlineError error={error} />
      </li>
    </ul>
  );
}

function graphqlError(code: string): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors: [{ message: 'No such row', extensions: { code } }] });
}

describe('useRowRemoval', () => {
  it('refetches the list once the mutation removed the row, then runs what comes afterwards', async () => {
    const done: string[] = [];
    render(<Row mutate={async () => done.push('removed')} done={done} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(done).toEqual(['removed', 'refetched', 'afterwards']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes NOT_FOUND for a row gone already: the list refetches, and no error shows', async () => {
    const done: string[] = [];
    render(<Row mutate={() => Promise.reject(graphqlError('NOT_FOUND'))} done={done} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(done).toEqual(['refetched']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows any other error, and leaves the list as it is', async () => {
    const done: string[] = [];
    render(<Row mutate={() => Promise.reject(graphqlError('FORBIDDEN'))} done={done} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(done).toEqual([]);
  });
});
