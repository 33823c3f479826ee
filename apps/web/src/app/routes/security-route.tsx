import { useRef } from 'react';
import { Navigate } from 'react-router';
import { Spinner } from '../../components/status';
import { PasswordSettings } from '../../features/auth/components/password-settings';
import { SignedInSessions } from '../../features/auth/components/signed-in-sessions';
import { TwoFactorSettings } from '../../features/two-factor/components/two-factor-settings';
import { usePageTitle } from '../../lib/use-page-title';
import { useViewer } from '../../lib/viewer';
import { securityPath } from '../paths';
import { PageHeading } from '../../components/page-heading';

/** How the viewer signs in: two-factor sign-in, the password, and where they are signed in. */
export function SecurityRoute() {
  usePageTitle('Security');
  const { viewer, loading } = useViewer();
  // Turning two-factor sign-in on or off reads the viewer again: the page stays, with the focus and what is typed in it.
  const signedIn = useRef(false);
  if (viewer) signedIn.current = true;
  if (loading && !signedIn.current) return <Spinner />;
  if (!viewer && !loading) return <Navigate to={`/sign-in?next=${encodeURIComponent(securityPath)}`} replace />;
  return (
    <div className="stack two-factor-page">
      <PageHeading>Security</PageHeading>
      <TwoFactorSettings />
      <PasswordSettings />
      <SignedInSessions />
    </div>
  );
}
