import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { PasswordField } from '../../../components/field';
import { ErrorMessage, Notice } from '../../../components/status';
import { fieldErrorsOf } from '../../../lib/graphql-errors';
import { useAction } from '../../../lib/use-action';
import { ChangePasswordDocument, SignOutOtherSessionsDocument } from '../api/auth-documents';

/** A new password, and signing out of every other browser and device. */
export function PasswordSettings() {
  return (
    <>
      <ChangePassword />
      <SignOutElsewhere />
    </>
  );
}

function ChangePassword() {
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const { error, submit } = useAction();

  const fields = fieldErrorsOf(error, { currentPassword: 'Current password', newPassword: 'New password' });
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
        {error && Object.keys(fields).length === 0 ? <ErrorMessage error={error} /> : null}
        <PasswordField
          purpose="current"
          label="Current password"
          name="currentPassword"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={fields.currentPassword}
        />
        <PasswordField
          purpose="new"
          label="New password"
          name="newPassword"
          hint="At least 10 characters. Changing it signs you out everywhere else."
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={fields.newPassword}
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

function SignOutElsewhere() {
  const [signOut, { data, loading }] = useMutation(SignOutOtherSessionsDocument);
  const { error, submit } = useAction();
  const ended = data?.signOutOtherSessions;
  return (
    <section className="card stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Other browsers and devices</h2>
      <p>Signed in somewhere you no longer use, or on a device you lost? Sign out everywhere but here.</p>
      {error ? <ErrorMessage error={error} /> : null}
      {ended != null ? (
        <Notice tone="success">
          {ended === 0 ? 'You were signed in nowhere else.' : `Signed out of ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`}
        </Notice>
      ) : null}
      <form className="form" onSubmit={submit(async () => void (await signOut()))} noValidate>
        <div className="row">
          <Button type="submit" busy={loading}>
            Sign out everywhere else
          </Button>
        </div>
      </form>
    </section>
  );
}
