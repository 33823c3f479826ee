import { Link, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { focusHeadingOnArrival } from '../lib/use-focus-on-show';
import { securityPath } from './paths';

// At or below this many, the notice warns rather than informs.
const fewRecoveryCodes = 3;

/** The navigation after signing in; after a recovery code, it carries how many are left for the page to tell. */
export function arrivalAfterSignIn(recoveryCodesLeft: number | null): NavigateOptions {
  return { replace: true, state: { ...focusHeadingOnArrival.state, recoveryCodesLeft } };
}

function recoveryCodesLeftOf(state: unknown): number | null {
  const left = (state as { recoveryCodesLeft?: unknown } | null)?.recoveryCodesLeft;
  return typeof left === 'number' ? left : null;
}

/**
 * On the page reached by a sign-in that spent a recovery code: how many are left and where to make new ones. Its live
 * region is on every page, empty until then: screen readers announce what comes into a region they already know of,
 * not a region that arrives with its text.
 */
export function RecoveryCodeSignInNotice() {
  const location = useLocation();
  const left = recoveryCodesLeftOf(location.state);
  return (
    <div role="status" data-testid="recovery-code-notice-region">
      {left === null ? null : <RecoveryCodesLeft left={left} />}
    </div>
  );
}

function RecoveryCodesLeft({ left }: { left: number }) {
  const location = useLocation();
  const navigate = useNavigate();
  const security = location.pathname === securityPath ? 'on this page' : <Link to={securityPath}>on the Security page</Link>;
  const few = left <= fewRecoveryCodes;
  return (
    <div className={`notice notice--${few ? 'warning' : 'info'} notice--row recovery-code-notice`}>
      <p>
        {left === 0 ? (
          <>
            <strong>You signed in with your last recovery code.</strong> Without your authenticator app you could not sign in again: make
            new recovery codes {security} now.
          </>
        ) : (
          <>
            <strong>You signed in with a recovery code</strong>, which cannot be used again. You have {few ? 'only ' : ''}
            {left} unused recovery {left === 1 ? 'code' : 'codes'} left: {few ? 'make new ones' : 'you can make new ones'} {security}
            {few ? ' before you run out.' : '.'}
          </>
        )}
      </p>
      {/* The notice goes with the navigation's state: dismissed, it is not shown again when the page is reloaded. */}
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true })}
      >
        Dismiss
      </button>
    </div>
  );
}
