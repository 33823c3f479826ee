import { Navigate } from 'react-router';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { Spinner } from '../../components/status';
import { useViewer } from '../../lib/viewer';
import { usePageTitle } from '../../lib/use-page-title';
import { PageHeading } from '../../components/page-heading';

export function NotificationsRoute() {
  usePageTitle('Notifications');
  const { viewer, loading } = useViewer();
  if (loading) return <Spinner />;
  if (!viewer) return <Navigate to="/sign-in?next=%2Fnotifications" replace />;
  return (
    <section className="narrow-page">
      <PageHeading>Notifications</PageHeading>
      <NotificationList />
    </section>
  );
}
