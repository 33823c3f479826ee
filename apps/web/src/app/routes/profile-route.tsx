import { useParams, useSearchParams } from 'react-router';
import { ThreadList } from '../../features/threads/components/thread-list';
import { UserProfileHeader } from '../../features/users/components/user-profile';

export function ProfileRoute() {
  const { username = '' } = useParams();
  const [params, setParams] = useSearchParams();
  return (
    <div className="stack">
      <UserProfileHeader username={username} />
      <h2>Questions asked</h2>
      <ThreadList
        key={username}
        tab="latest"
        tag={null}
        author={username}
        cursors={params.getAll('after')}
        onLoadMore={(cursor) => {
          const next = new URLSearchParams(params);
          next.append('after', cursor);
          setParams(next, { replace: true, preventScrollReset: true });
        }}
      />
    </div>
  );
}
