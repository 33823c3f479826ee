import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { SignOutButton } from '../features/auth/components/sign-out-button';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { twoFactorRequiredMessage } from '../lib/graphql-errors';
import { forgetSessionDrafts } from '../lib/session-draft';
import { useViewer } from '../lib/viewer';
import { securityPath } from './paths';
import { RecoveryCodeSignInNotice } from './recovery-code-notice';

export function Layout() {
  const { viewer, loading, signedOutElsewhere, sessionsEnded, dismissSignedOutElsewhere } = useViewer();
  const navigate = useNavigate();
  // Each sign-out mounts the page anew, so home is read as a visitor sees it even when it is the page signed out from.
  const [signOuts, setSignOuts] = useState(0);
  // Someone signed in: the drafts anyone else left in the tab are forgotten, not kept for when they come back.
  const viewerId = viewer?.id;
  useEffect(() => {
    if (viewerId !== undefined) forgetSessionDrafts({ except: viewerId });
  }, [viewerId]);
  const location = useLocation();
  const onAuthPage = location.pathname === '/sign-in' || location.pathname === '/sign-up';
  // From one sign-in form to the other, the way on is where the person was going, not the form they leave.
  const next = encodeURIComponent(
    onAuthPage ? (new URLSearchParams(location.search).get('next') ?? '/') : location.pathname + location.search,
  );
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          {/* The visible words are the link's name (on a phone only the mark shows, and it is the name). */}
          <Link to="/" className="brand">
            <span className="brand__mark">2FA</span> <span className="brand__name">Help Forum</span>
          </Link>
          <nav className="site-nav" aria-label="Main">
            <NavLink to="/" end>
              Questions
            </NavLink>
            <NavLink to="/ask">Ask</NavLink>
            {viewer?.isStaff ? <NavLink to="/staff">Staff</NavLink> : null}
          </nav>
          <div className="site-header__account">
            {loading ? null : viewer ? (
              <>
                <NotificationBell />
                <Link className="account-name" to={`/u/${encodeURIComponent(viewer.username)}`} title="Your profile">
                  {viewer.username}
                </Link>
                <Link className="account-security" to={securityPath} title="Two-factor sign-in, password and other devices">
                  Security
                </Link>
                <SignOutButton
                  onSignedOut={() => {
                    setSignOuts((count) => count + 1);
                    return navigate('/', { flushSync: true });
                  }}
                />
              </>
            ) : (
              <>
                <Link className="button button--quiet button--small" to={`/sign-in?next=${next}`}>
                  Sign in
                </Link>
                <Link className="button button--primary button--small" to={`/sign-up?next=${next}`}>
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {/* The notices' live regions are on every page, empty until there is something to say: screen readers announce
            what comes into a region they already know of, not a region that arrives with its text. */}
        <div role="status" data-testid="signed-out-notice-region">
          {signedOutElsewhere ? (
            <div className="notice notice--warning notice--row signed-out-notice">
              <p>
                <strong>You were signed out.</strong> Your session ended, perhaps on another device or with a new password.{' '}
                {onAuthPage ? null : (
                  <>
                    <Link to={`/sign-in?next=${next}`}>Sign in again</Link> to carry on: what you were writing here is kept.
                  </>
                )}
              </p>
              <button type="button" className="button button--quiet button--small" onClick={dismissSignedOutElsewhere}>
                Dismiss
              </button>
            </div>
          ) : null}
        </div>
        <div role="status" data-testid="staff-two-factor-notice-region">
          {viewer?.isStaff && !viewer.twoFactorEnabled && location.pathname !== securityPath ? (
            <div className="notice notice--warning staff-two-factor">
              <p>
                <strong>{twoFactorRequiredMessage}</strong> <Link to={securityPath}>Turn it on now</Link>
              </p>
            </div>
          ) : null}
        </div>
        <RecoveryCodeSignInNotice />
        <Outlet key={`${signOuts}-${sessionsEnded}`} />
      </main>
      <footer className="site-footer">
        <p>
          A community forum for two-factor authentication on your password manager account. Staff answers carry a <strong>Staff</strong>{' '}
          badge; the FAQ bot’s replies are marked <strong>Automated answer</strong>.
        </p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
