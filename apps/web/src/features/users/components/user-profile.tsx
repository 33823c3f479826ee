import { useQuery } from '@apollo/client/react';
import { Badge } from '../../../components/badge';
import { ErrorMessage, Spinner } from '../../../components/status';
import { calendarDate } from '../../../lib/format-time';
import { isolate } from '../../../lib/bidi';
import { usePageTitle } from '../../../lib/use-page-title';
import { UserProfileDocument } from '../api/user-documents';
import { PageHeading } from '../../../components/page-heading';

/** Name, role and join date; returns whether the user exists so the page can list their questions. */
export function UserProfileHeader({ username }: { username: string }) {
  const { data, error, refetch } = useQuery(UserProfileDocument, { variables: { username } });
  usePageTitle(isolate(data?.user?.username ?? username));
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner />;
  if (!data.user) {
    return (
      <section className="card">
        <PageHeading>
          No member called “<bdi>{username}</bdi>”
        </PageHeading>
      </section>
    );
  }
  const user = data.user;
  return (
    <header className="profile card">
      <span className={`avatar avatar--large${user.isBot ? ' avatar--bot' : user.isStaff ? ' avatar--staff' : ''}`} aria-hidden="true">
        {user.isBot ? '⚙' : user.username.slice(0, 1).toUpperCase()}
      </span>
      <div>
        <PageHeading>
          <bdi>{user.username}</bdi> {user.isStaff ? <Badge tone="staff">Staff</Badge> : null}{' '}
          {user.isBot ? <Badge tone="bot">Automated</Badge> : null}
        </PageHeading>
        <p className="muted">Member since {calendarDate(user.createdAt)}</p>
      </div>
    </header>
  );
}
