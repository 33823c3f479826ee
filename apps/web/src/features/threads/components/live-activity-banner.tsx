import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ThreadListDocument } from '../api/thread-list-documents';
import { ForumActivityDocument } from '../api/live-documents';

export interface ForumActivityState {
  /** Threads with activity the list does not show yet. */
  pending: ReadonlySet<string>;
  /** Threads whose new activity was brought into the list: marked until the page is left. */
  fresh: ReadonlySet<string>;
  showNew: () => Promise<void>;
}

/** Listens for activity anywhere in the forum while the list is open. */
export function useForumActivity(): ForumActivityState {
  const client = useApolloClient();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useSubscription(ForumActivityDocument, {
    onData: ({ data }) => {
      const activity = data.data?.forumActivity;
      if (!activity) return;
      // A moderator hid or restored the thread (who may see it) or a reply (its count), and the event does not say what
      // the list shows now: it reads itself again.
      if (activity.visibilityChanged) void client.refetchQueries({ include: [ThreadListDocument] });
      else setPending((current) => new Set(current).add(activity.threadId));
    },
  });
  async function showNew() {
    await client.refetchQueries({ include: [ThreadListDocument] });
    setFresh((current) => new Set([...current, ...pending]));
    setPending(new Set());
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
