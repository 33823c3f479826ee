import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { EmptyState, ErrorMessage, InlineError, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { OpenFlagsQuery } from '../../../gql/graphql';
import { useAction } from '../../../lib/use-action';
import { useQueueRowFocus } from '../../../lib/use-queue-row-focus';
import { OpenFlagsDocument, ResolveFlagDocument } from '../api/moderation-documents';
import { FlaggedPost } from './flagged-post';
import { ModerationDialog, postName, useHidePostAction } from './post-moderation';

type FlagItem = OpenFlagsQuery['openFlags']['nodes'][number];

/** The oldest open flags; the staff page reads them again as flags are raised and resolved. */
export function OpenFlagsQueue() {
  const { data, error, refetch } = useQuery(OpenFlagsDocument, { variables: { first: 20 } });
  if (error && !data) return <ErrorMessage error={error} retry={() => void refetch()} />;
  if (!data) return <Spinner label="Loading flags…" />;
  const { nodes, pageInfo } = data.openFlags;
  return (
    <>
      {/* Focus goes here when a decision empties the queue. */}
      <ul className="queue" aria-label="Open flags" tabIndex={-1}>
        {nodes.length === 0 ? (
          <li>
            <EmptyState title="No open flags." />
          </li>
        ) : null}
        {nodes.map((flag) => (
          <FlagRow key={flag.id} flag={flag} />
        ))}
      </ul>
      {pageInfo.hasNextPage ? <p className="muted">Showing the oldest {nodes.length}.</p> : null}
    </>
  );
}

function FlagRow({ flag }: { flag: FlagItem }) {
  const client = useApolloClient();
  const { error, run } = useAction();
  const hide = useHidePostAction(flag.postType, flag.postId);
  const [hiding, setHiding] = useState(false);
  const [resolve, { loading: resolving }] = useMutation(ResolveFlagDocument);
  const rowRef = useRef<HTMLLIElement>(null);
  const decidedHere = useQueueRowFocus(rowRef);
  const decided = async () => {
    decidedHere.current = true;
    // And the staff page's tab counts, with or without the live socket (by name: the query is the app's, not this feature's).
    await client.refetchQueries({ include: [OpenFlagsDocument, 'StaffQueueCounts'] });
  };
  function decide(action: () => Promise<unknown>) {
    void run(async () => {
      await action();
      await decided();
    });
  }
  return (
    <li ref={rowRef} className="queue-item">
      <div className="queue-item__head">
        <Badge tone="hidden">Flag</Badge>
        <span className="muted">
          {flag.postType === 'THREAD' ? 'Question' : 'Reply'} flagged by{' '}
          {flag.reporter ? <bdi>{flag.reporter.username}</bdi> : 'a former member'} <TimeAgo date={flag.createdAt} />
        </span>
      </div>
      <FlaggedPost flag={flag} />
      <div className="row">
        <Button small variant="danger" onClick={() => setHiding(true)}>
          Hide the post
        </Button>
        <Button small busy={resolving} onClick={() => decide(() => resolve({ variables: { flagId: flag.id, note: 'No action needed' } }))}>
          Dismiss flag
        </Button>
        <InlineError error={error} />
      </div>
      {/* The flag's reason is the moderation log's, unless staff say otherwise. */}
      <ModerationDialog
        open={hiding}
        title={`Hide this ${postName(flag.postType)}`}
        action={hide}
        danger
        initialReason={flag.reason}
        onClose={() => setHiding(false)}
        onDone={() => {
          setHiding(false);
          return decided();
        }}
      />
    </li>
  );
}
