import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineError } from '../components/status';
import { useAction, type Recover } from './use-action';

afterEach(cleanup);

/** A form whose submit runs `attempt` through useAction and shows the error as the app's forms do. */
function Form({ attempt, recover }: { attempt: () => Promise<unknown>; recover?: Recover }) {
  const { error, submit } = useAction();
  return (
    <form onSubmit={submit(attempt, recover)}>
      <InlineError error={error} />
      <button type="submit">Send</button>
    </form>
  );
}

function send() {
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

describe('useAction', () => {
  it('shows what the action threw, and clears it when the next attempt succeeds', async () => {
    let fail = true;
    render(
      <Form
        attempt={async () => {
          if (fail) throw new Error('The server did not answer');
        }}
      />,
    );
    send();
    expect(await screen.findByRole('alert')).toBeTruthy();
    fail = false;
    send();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows nothing for an error the component recovers from', async () => {
    const recovered: unknown[] = [];
    render(
      <Form
        attempt={() => Promise.reject(new Error('already done'))}
        recover={(error) => {
          recovered.push(error);
          return true;
        }}
      />,
    );
    send();
    await waitFor(() => expect(recovered).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
