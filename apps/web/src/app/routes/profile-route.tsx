import { useQuery } from '@apollo/client/react';
import { useParams, useSearchParams } from 'react-router';
import { ThreadList } from '../../features/threads/components/thread-list';
import { UserProfileHeader } from '../../features/users/components/user-profile';
import { UserProfileDocument } from '../../features/users/api/user-documents';

export function ProfileRoute() {
  const { username = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // The header's query (sent once for both): the list names the user by id, as live activity names the asker.
  const { data } = useQuery(UserProfileDocument, { variables: { username } });
  const user = data?.user;
  return (
    <div className="stack">
      <UserProfileHeader username={username} />
      {user ? (
        <>
          <h2>Questions asked</h2>
          <ThreadList
            key={user.id}
            tab="latest"
            tag={null}
            authorId={user.id}
            cursors={params.getAll('after')}
            onLoadMore={(cursor) => {
              const next = new URLSearchParams(params);
              next.append('after', cursor);
              setParams(next, { replace: true, preventScrollReset: true });
            }}
          />
        </>
      ) : null}
    </div>
  );
}
