import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { PasswordField, TextField } from '../../../components/field';
import { ErrorMessage } from '../../../components/status';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SignUpDocument } from '../api/auth-documents';
import { resetStore } from '../../../lib/reset-store';

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const client = useApolloClient();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, submit } = useAction();
  const [signUp, { loading }] = useMutation(SignUpDocument);

  // The first field the API refused gets the focus, rather than leaving it on Create account, below every error.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['username', 'email', 'password'], {
    username: 'Username',
    email: 'Email',
    password: 'Password',
  });
  return (
    <form
      className="form"
      onSubmit={submit(async () => {
        await signUp({ variables: { input: { username: username.trim(), email: email.trim(), password } } });
        await resetStore(client);
        onSignedUp();
      })}
      noValidate
    >
      {formError ? <ErrorMessage error={formError} /> : null}
      <TextField
        id={fieldIds.username}
        label="Username"
        name="username"
        autoComplete="username"
        hint="3–32 letters, digits, “_”, “.” or “-”. Shown on your posts."
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={fieldErrors.username}
        required
        autoFocus
      />
      <TextField
        id={fieldIds.email}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        hint="Never shown to anyone."
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldErrors.email}
        required
      />
      <PasswordField
        id={fieldIds.password}
        purpose="new"
        label="Password"
        name="password"
        hint="At least 10 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password}
        required
      />
      <Button type="submit" variant="primary" busy={loading}>
        Create account
      </Button>
    </form>
  );
}
