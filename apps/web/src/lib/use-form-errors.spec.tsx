import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageOf } from './graphql-errors';
import { useFormErrors } from './use-form-errors';

afterEach(cleanup);

function refused(...fields: string[]): CombinedGraphQLErrors {
  const problems = fields.map((field) => ({ field: `input.${field}`, message: `${field} is not right` }));
  return new CombinedGraphQLErrors({ errors: [{ message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', fields: problems } }] });
}

/** A form with two ways to fill it, as turning two-factor sign-in off has, showing `error`. */
function TwoWayForm({ error }: { error: unknown }) {
  const [withRecovery, setWithRecovery] = useState(false);
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, withRecovery ? ['password', 'recoveryCode'] : ['code'], {
    recoveryCode: 'Recovery code',
  });
  return (
    <form>
      {formError ? <p role="alert">{messageOf(formError)}</p> : null}
      {withRecovery ? (
        <>
          <input id={fieldIds.password} aria-label="Password" aria-description={fieldErrors.password} />
          <input id={fieldIds.recoveryCode} aria-label="Recovery code" aria-description={fieldErrors.recoveryCode} />
        </>
      ) : (
        <input id={fieldIds.code} aria-label="Code" aria-description={fieldErrors.code} />
      )}
      <button type="button" onClick={() => setWithRecovery(!withRecovery)}>
        Other way
      </button>
    </form>
  );
}

describe('useFormErrors', () => {
  it('shows each message under its field, named as labelled, and those of fields not shown above them', () => {
    const { rerender } = render(<TwoWayForm error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Other way' }));
    rerender(<TwoWayForm error={refused('code', 'recoveryCode')} />);
    expect(screen.getByRole('textbox', { name: 'Recovery code' }).getAttribute('aria-description')).toBe('Recovery code is not right');
    expect(screen.getByRole('alert').textContent).toBe('Code is not right');
  });

  it('moves the focus to the first refused field shown when the error changes, and only then', () => {
    const { rerender } = render(<TwoWayForm error={null} />);
    const otherWay = screen.getByRole('button', { name: 'Other way' });
    fireEvent.click(otherWay);
    rerender(<TwoWayForm error={refused('code', 'recoveryCode', 'password')} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Password' }));

    otherWay.focus();
    fireEvent.click(otherWay);
    fireEvent.click(otherWay);
    expect(document.activeElement).toBe(otherWay);
  });
});
