import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { PasswordField } from '../../../components/field';
import { ErrorMessage, Notice } from '../../../components/status';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { ChangePasswordDocument } from '../api/auth-documents';

/** A new password, against the current one; every other browser and device is signed out. */
export function PasswordSettings() {
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const { error, submit } = useAction();
  // A refused password takes the focus from Change password, below them.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['currentPassword', 'newPassword'], {
    currentPassword: 'Current password',
    newPassword: 'New password',
  });
  return (
    <section className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form
        className="form"
        onSubmit={submit(async () => {
          setChanged(false);
          await change({ variables: { input: { currentPassword, newPassword } } });
          setCurrentPassword('');
          setNewPassword('');
          setChanged(true);
        })}
        noValidate
      >
        {changed ? <Notice tone="success">Your password is changed. Every other browser and device is signed out.</Notice> : null}
        {formError ? <ErrorMessage error={formError} /> : null}
        <PasswordField
          id={fieldIds.currentPassword}
          purpose="current"
          label="Current password"
          name="currentPassword"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={fieldErrors.currentPassword}
        />
        <PasswordField
          id={fieldIds.newPassword}
          purpose="new"
          label="New password"
          name="newPassword"
          hint="At least 10 characters. Changing it signs you out everywhere else."
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={fieldErrors.newPassword}
        />
        <div className="row">
          <Button type="submit" variant="primary" busy={loading}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
