import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import type { ForumActivitySubscription, ThreadFilter } from '../../../gql/graphql';
import { ThreadListDocument } from '../api/thread-list-documents';
import { ForumActivityDocument } from '../api/live-documents';

/** The conditions a thread list filters on: those that live activity tells of each thread (its listing). */
export type ThreadListFilter = Pick<ThreadFilter, 'tag' | 'authorId' | 'unanswered'>;

type ThreadListing = NonNullable<ForumActivitySubscription['forumActivity']['listing']>;

export interface ForumActivityState {
  /** Threads the list would show, or shows now, that have activity it does not show yet. */
  pending: ReadonlySet<string>;
  /** Threads whose new activity was brought into the list: marked until the page is left. */
  fresh: ReadonlySet<string>;
  showNew: () => Promise<void>;
}

/** Whether a list with this filter shows the thread as its activity left it: ThreadFilter's rules, for one thread. */
function listShows(filter: ThreadListFilter, listing: ThreadListing): boolean {
  return (
    (!filter.tag || listing.tags.includes(filter.tag.trim().toLowerCase())) &&
    (!filter.authorId || listing.authorId === filter.authorId) &&
    (filter.unanswered == null || filter.unanswered !== listing.answered)
  );
}

/**
 * Listens for activity in the forum while the list is open, and offers the threads with activity that it shows as that
 * activity left them, and those it shows now that the activity took out of it (answered on the Unanswered tab): Show
 * takes them out, where a reload would, rather than the list moving under the reader.
 */
export function useForumActivity(filter: ThreadListFilter, shownThreadIds: ReadonlySet<string>): ForumActivityState {
  const client = useApolloClient();
  // Each thread with activity not brought in yet, as its latest activity left it: what the list offers follows its
  // filter, also after a change of tab or tag.
  const [active, setActive] = useState<ReadonlyMap<string, ThreadListing>>(new Map());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useSubscription(ForumActivityDocument, {
    onData: ({ data }) => {
      const activity = data.data?.forumActivity;
      if (!activity) return;
      const { threadId, listing } = activity;
      // A moderator hid or restored the thread (who may see it) or a reply (its count), and the event does not say what
      // the list shows now: it reads itself again.
      if (activity.visibilityChanged) void client.refetchQueries({ include: [ThreadListDocument] });
      else if (listing) setActive((current) => new Map(current).set(threadId, listing));
    },
  });
  const pending = new Set(
    [...active].filter(([threadId, listing]) => listShows(filter, listing) || shownThreadIds.has(threadId)).map(([threadId]) => threadId),
  );
  async function showNew() {
    await client.refetchQueries({ include: [ThreadListDocument] });
    setFresh((current) => new Set([...current, ...pending]));
    setActive((current) => new Map([...current].filter(([threadId]) => !pending.has(threadId))));
  }
  return { pending, fresh, showNew };
}

export function LiveActivityBanner({ activity }: { activity: ForumActivityState }) {
  const [busy, setBusy] = useState(false);
  const count = activity.pending.size;
  if (count === 0) return null;
  return (
    <div className="live-banner" role="status">
      <span className="live-banner__dot" aria-hidden="true" />
      <span>{count === 1 ? '1 question has' : `${count} questions have`} new activity.</span>
      <Button
        small
        variant="primary"
        busy={busy}
        onClick={() => {
          setBusy(true);
          void activity.showNew().finally(() => setBusy(false));
        }}
      >
        Show
      </Button>
    </div>
  );
}
