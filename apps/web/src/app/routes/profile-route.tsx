import { useQuery } from '@apollo/client/react';
import { useParams, useSearchParams } from 'react-router';
import { MemberModeration } from '../../features/moderation/components/member-moderation';
import { ThreadList } from '../../features/threads/components/thread-list';
import { UserProfileHeader } from '../../features/users/components/user-profile';
import { UserReplyList } from '../../features/users/components/user-replies';
import { UserProfileDocument } from '../../features/users/api/user-documents';
import { onTabListKeyDown } from '../../lib/tab-list-keys';
import { useViewer } from '../../lib/viewer';

type ProfileTab = 'questions' | 'replies';

const tabs: { id: ProfileTab; label: string }[] = [
  { id: 'questions', label: 'Questions' },
  { id: 'replies', label: 'Replies' },
];

/**
 * A member's profile: their questions or their replies, one list at a time. The list shown and the pages loaded live in
 * the URL (`?tab=replies`, `after`), so a link or a reload shows the same, and Back returns to the other list. Staff
 * (signed in with two-factor, as the API requires) also see the member's flag history.
 */
export function ProfileRoute() {
  const { username = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: ProfileTab = params.get('tab') === 'replies' ? 'replies' : 'questions';
  // The header's query (sent once for both): the lists name the user by id, as live activity names the asker.
  const { data } = useQuery(UserProfileDocument, { variables: { username } });
  const user = data?.user;
  const { viewer } = useViewer();

  function select(next: ProfileTab) {
    if (next !== tab) setParams(next === 'questions' ? {} : { tab: next }, { preventScrollReset: true });
  }

  function loadMore(endCursor: string) {
    const next = new URLSearchParams(params);
    next.append('after', endCursor);
    setParams(next, { replace: true, preventScrollReset: true });
  }

  return (
    <div className="stack">
      <UserProfileHeader username={username} />
      {user && viewer?.isStaff && viewer.twoFactorEnabled ? <MemberModeration key={user.id} username={user.username} /> : null}
      {user ? (
        <div>
          <div className="tabs" role="tablist" aria-label={`${user.username}’s posts`} onKeyDown={onTabListKeyDown}>
            {tabs.map((item) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                id={`profile-tab-${item.id}`}
                aria-selected={item.id === tab}
                tabIndex={item.id === tab ? 0 : -1}
                aria-controls="profile-panel"
                onClick={() => select(item.id)}
              >
                {item.label}
              </button>
            ))}
          </div>
          <section id="profile-panel" role="tabpanel" aria-labelledby={`profile-tab-${tab}`}>
            {/* The tabs show which list this is; the heading puts it in the page's outline, beside Moderation. */}
            <h2 className="visually-hidden">
              <bdi>{user.username}</bdi>’s {tab === 'questions' ? 'questions' : 'replies'}
            </h2>
            {tab === 'questions' ? (
              <ThreadList key={user.id} tab="latest" tag={null} author={user} cursors={params.getAll('after')} onLoadMore={loadMore} />
            ) : (
              <UserReplyList
                key={user.id}
                userId={user.id}
                username={user.username}
                cursors={params.getAll('after')}
                onLoadMore={loadMore}
              />
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
