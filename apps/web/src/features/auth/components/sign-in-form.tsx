import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { PasswordField, TextField } from '../../../components/field';
import { ErrorMessage, Notice } from '../../../components/status';
import { errorCodeOf, errorReasonOf, serverMessageOf } from '../../../lib/graphql-errors';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { CompleteTwoFactorSignInDocument, SignInDocument, SignOutDocument } from '../api/auth-documents';
import { resetStore } from '../../../lib/reset-store';

/**
 * `recoveryCodesLeft`: set when the code step took a recovery code, to tell how many are left. `footer` shows under the
 * password step only: the code step is for the account the password opened.
 */
export function SignInForm({ onSignedIn, footer }: { onSignedIn: (recoveryCodesLeft: number | null) => void; footer?: ReactNode }) {
  const client = useApolloClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const { error, setError, submit } = useAction();
  const [signIn, { loading, reset }] = useMutation(SignInDocument);
  const [signOut] = useMutation(SignOutDocument);
  const [settlingLeftCheck, setSettlingLeftCheck] = useState(false);
  // A recovery code spent by a code check that passed after its step was left, and whose account it was.
  const [spentByLeftCheck, setSpentByLeftCheck] = useState<{ login: string; left: number } | null>(null);
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['login', 'password'], { login: 'Username or email' });

  async function signedIn(recoveryCodesLeft: number | null = null) {
    // Everything the app shows may depend on who is signed in.
    await resetStore(client);
    onSignedIn(recoveryCodesLeft);
  }

  /**
   * A code check left under way ("Use another account") may still pass, and the server then sets its session cookie:
   * that session is signed out, so the browser is not left signed in to an account the page no longer shows. Signing
   * in waits meanwhile, or its session's cookie could come first and be the one signed out. A recovery code it took
   * stays used, and the form says so.
   */
  async function signOutOfLeftCheck(check: Promise<number | null>, checkedLogin: string) {
    setSettlingLeftCheck(true);
    try {
      const outcome = await check.then(
        (recoveryCodesLeft) => ({ passed: true, recoveryCodesLeft }),
        () => ({ passed: false, recoveryCodesLeft: null }),
      );
      if (!outcome.passed) return;
      await signOut();
      if (outcome.recoveryCodesLeft !== null) setSpentByLeftCheck({ login: checkedLogin, left: outcome.recoveryCodesLeft });
    } catch {
      // Not signed out (the request failed): the app shows who is signed in rather than a visitor's pages.
      await resetStore(client).catch(() => undefined);
    } finally {
      setSettlingLeftCheck(false);
    }
  }

  async function signInWithPassword() {
    setSpentByLeftCheck(null);
    const result = await signIn({ variables: { input: { login: login.trim(), password } } });
    const twoFactor = result.data?.signIn.twoFactorChallenge;
    if (twoFactor) setChallenge(twoFactor.token);
    else await signedIn();
  }

  if (challenge) {
    return (
      <CodeStep
        challenge={challenge}
        onSignedIn={(recoveryCodesLeft) => void signedIn(recoveryCodesLeft)}
        onExpired={(expired) => {
          setChallenge(null);
          setPassword('');
          setError(expired);
        }}
        onBack={(check) => {
          // The challenge is forgotten here, its token with the mutation's result; the API lets it expire unused.
          if (check) void signOutOfLeftCheck(check, login.trim());
          setChallenge(null);
          reset();
          setLogin('');
          setPassword('');
          setError(null);
        }}
      />
    );
  }

  const code = errorCodeOf(error);
  return (
    <>
      <div role="status">{spentByLeftCheck ? <RecoveryCodeSpentByLeftCheck {...spentByLeftCheck} /> : null}</div>
      <form className="form" onSubmit={submit(signInWithPassword)} noValidate>
        {errorReasonOf(error) === 'TWO_FACTOR_CHALLENGE_EXPIRED' ? (
          <ErrorMessage>{serverMessageOf(error)}</ErrorMessage>
        ) : code === 'UNAUTHENTICATED' ? (
          <ErrorMessage>That username or password is not right. Check both and try again.</ErrorMessage>
        ) : formError ? (
          <ErrorMessage error={formError} />
        ) : null}
        <TextField
          id={fieldIds.login}
          label="Username or email"
          name="login"
          autoComplete="username"
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          error={fieldErrors.login}
          required
          autoFocus
        />
        <PasswordField
          id={fieldIds.password}
          purpose="current"
          label="Password"
          name="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          required
        />
        <Button type="submit" variant="primary" busy={loading || settlingLeftCheck}>
          Sign in
        </Button>
      </form>
      {footer}
    </>
  );
}

function RecoveryCodeSpentByLeftCheck({ login, left }: { login: string; left: number }) {
  return (
    <Notice tone="warning">
      The recovery code you typed for {login} was accepted just as you left, so that sign-in was ended. The code cannot be used again:{' '}
      {left === 0
        ? 'it was the last one. Sign in with your authenticator app and make new recovery codes on the Security page.'
        : `${left} unused recovery ${left === 1 ? 'code is' : 'codes are'} left.`}
    </Notice>
  );
}

/** The second step for accounts with two-factor sign-in: a code from the app, or a recovery code. */
function CodeStep({
  challenge,
  onSignedIn,
  onExpired,
  onBack,
}: {
  challenge: string;
  onSignedIn: (recoveryCodesLeft: number | null) => void;
  onExpired: (error: unknown) => void;
  /**
   * Given the code check still under way, if any (it resolves to the recovery codes left when it took one): its answer
   * is the form's to settle, no longer the step's.
   */
  onBack: (check: Promise<number | null> | null) => void;
}) {
  const [code, setCode] = useState('');
  const { error, submit } = useAction();
  const [complete, { loading }] = useMutation(CompleteTwoFactorSignInDocument);
  // The code check under way; null once answered or once the step is left.
  const checking = useRef<Promise<number | null> | null>(null);

  const verify = submit(
    async () => {
      const check = complete({ variables: { input: { challenge, code: code.trim() } } }).then(
        (result) => result.data?.completeTwoFactorSignIn.recoveryCodesLeft ?? null,
      );
      checking.current = check;
      const recoveryCodesLeft = await check;
      // Left meanwhile: the answer, and the error below, are the form's to settle (see onBack).
      if (checking.current === null) return;
      checking.current = null;
      onSignedIn(recoveryCodesLeft);
    },
    (caught) => {
      if (checking.current === null) return true;
      checking.current = null;
      const expired = errorReasonOf(caught) === 'TWO_FACTOR_CHALLENGE_EXPIRED';
      if (expired) onExpired(caught);
      return expired;
    },
  );

  return (
    <form className="form" onSubmit={verify} noValidate aria-labelledby="code-step-title">
      <h2 id="code-step-title" className="form__title">
        Two-factor sign-in
      </h2>
      <p className="muted">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      {error ? <ErrorMessage>{serverMessageOf(error)}</ErrorMessage> : null}
      <TextField
        label="Code"
        name="code"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        required
        autoFocus
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={!code.trim()}>
          Verify
        </Button>
        <Button
          onClick={() => {
            const check = checking.current;
            checking.current = null;
            onBack(check);
          }}
        >
          Use another account
        </Button>
      </div>
    </form>
  );
}
