import { Navigate } from 'react-router';
import { Spinner } from '../../components/status';
import { TwoFactorSettings } from '../../features/two-factor/components/two-factor-settings';
import { usePageTitle } from '../../lib/use-page-title';
import { useViewer } from '../../lib/viewer';

export function TwoFactorRoute() {
  usePageTitle('Two-factor sign-in');
  const { viewer, loading } = useViewer();
  if (loading) return <Spinner />;
  if (!viewer) return <Navigate to="/sign-in?next=%2Faccount%2Ftwo-factor" replace />;
  return (
    <div className="stack two-factor-page">
      <h1>Two-factor sign-in</h1>
      <TwoFactorSettings />
    </div>
  );
}
