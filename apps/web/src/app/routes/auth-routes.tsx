import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useViewer } from '../../lib/viewer';
import { focusHeadingOnArrival } from '../../lib/use-focus-on-show';
import { usePageTitle } from '../../lib/use-page-title';
import { arrivalAfterSignIn } from '../recovery-code-notice';

/** Why the page asks to sign in, when it was sent here from somewhere that needs an account. */
function purposeOf(next: string): string | null {
  return next === '/ask' || next.startsWith('/ask?') ? 'ask' : null;
}

/**
 * Only paths of this site: `?next=https://evil.example` must not send anyone away, nor `/\evil.example` or
 * `/%09/evil.example`, which browsers and the router read as `//evil.example` (a backslash is a slash; tabs and
 * newlines are dropped, also once decoded).
 */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, window.location.origin);
  } catch {
    return '/';
  }
  const sameSite = url.origin === window.location.origin && !/^\/[/\\]|%(0[9ad]|2f|5c)/i.test(url.pathname);
  return sameSite ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export function SignInRoute() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const next = safeNext(params.get('next'));
  if (viewer) return <Navigate to={next} replace {...focusHeadingOnArrival} />;
  const asking = purposeOf(next) === 'ask';
  return (
    <section className="auth-page card">
      <h1>{asking ? 'Sign in to ask' : 'Sign in'}</h1>
      {asking ? (
        <p className="muted">Questions come from an account, so you can be told when someone answers. Your draft will be waiting.</p>
      ) : null}
      <SignInForm
        onSignedIn={(recoveryCodesLeft) => void navigate(next, arrivalAfterSignIn(recoveryCodesLeft))}
        footer={
          <p className="auth-page__switch">
            New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </p>
        }
      />
    </section>
  );
}

export function SignUpRoute() {
  usePageTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const next = safeNext(params.get('next'));
  if (viewer) return <Navigate to={next} replace {...focusHeadingOnArrival} />;
  return (
    <section className="auth-page card">
      <h1>{purposeOf(next) === 'ask' ? 'Create an account to ask' : 'Create an account'}</h1>
      <p className="muted">Ask questions, reply, and get notified when someone answers you.</p>
      <SignUpForm onSignedUp={() => void navigate(next, { ...focusHeadingOnArrival, replace: true })} />
      <p className="auth-page__switch">
        Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  );
}
