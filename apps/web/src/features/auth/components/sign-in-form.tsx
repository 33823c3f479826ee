import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { ErrorMessage } from '../../../components/status';
import { errorCodeOf, fieldErrorsOf } from '../../../lib/graphql-errors';
import { SignInDocument } from '../api/auth-documents';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const client = useApolloClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [signIn, { loading }] = useMutation(SignInDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await signIn({ variables: { input: { login: login.trim(), password } } });
      // Everything the app shows may depend on who is signed in.
      await client.resetStore();
      onSignedIn();
    } catch (caught) {
      setError(caught);
    }
  }

  const fields = fieldErrorsOf(error);
  const code = errorCodeOf(error);
  return (
    <form className="form" onSubmit={submit} noValidate>
      {code === 'UNAUTHENTICATED' ? (
        <ErrorMessage>That username or password is not right. Check both and try again.</ErrorMessage>
      ) : error && Object.keys(fields).length === 0 ? (
        <ErrorMessage error={error} />
      ) : null}
      <TextField
        label="Username or email"
        name="login"
        autoComplete="username"
        value={login}
        onChange={(event) => setLogin(event.target.value)}
        error={fields.login}
        required
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fields.password}
        required
      />
      <Button type="submit" variant="primary" busy={loading}>
        Sign in
      </Button>
    </form>
  );
}
