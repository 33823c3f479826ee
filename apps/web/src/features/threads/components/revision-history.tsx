import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { HtmlBody } from '../../../components/html-body';
import { EmptyState, ErrorMessage, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import { fullDate } from '../../../lib/format-time';
import type { PostType } from '../../../gql/graphql';
import { RevisionsDocument } from '../api/thread-documents';

/** The "edited" marker: opens what the post said before each edit. */
export function EditedMarker({ postType, postId, editedAt }: { postType: PostType; postId: string; editedAt: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="edited-marker"
        onClick={() => setOpen(true)}
        aria-label={editedAt ? `edited ${fullDate(editedAt)}, show history` : 'edited, show history'}
        title={editedAt ? `Edited ${fullDate(editedAt)}` : 'Edited'}
      >
        edited
      </button>
      <Dialog open={open} title="Edit history" onClose={() => setOpen(false)}>
        <RevisionList postType={postType} postId={postId} />
      </Dialog>
    </>
  );
}

function RevisionList({ postType, postId }: { postType: PostType; postId: string }) {
  return (
    <ol className="revisions">
      <RevisionPage postType={postType} postId={postId} after={null} />
    </ol>
  );
}

/** One page of the history; its last item offers the next (older) page. */
function RevisionPage({ postType, postId, after }: { postType: PostType; postId: string; after: string | null }) {
  const [showOlder, setShowOlder] = useState(false);
  const { data, error, refetch } = useQuery(RevisionsDocument, { variables: { postType, postId, after }, fetchPolicy: 'network-only' });
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading the history…" />;
  const { nodes, pageInfo } = data.revisions;
  if (nodes.length === 0 && after === null) return <EmptyState title="No earlier versions." />;
  return (
    <>
      {nodes.map((revision) => (
        <li key={revision.id} className="revision">
          <p className="revision__meta">
            Before the edit by{' '}
            <strong>
              <bdi>{revision.editor.username}</bdi>
            </strong>{' '}
            <TimeAgo date={revision.createdAt} />
          </p>
          {revision.previousTitle ? <p className="revision__title">{revision.previousTitle}</p> : null}
          {revision.previousBodyHtml === null ? (
            // Not cooked yet (a revision older than the stored HTML of revisions): its markdown as written.
            <div className="revision__body">{revision.previousBody}</div>
          ) : (
            <HtmlBody html={revision.previousBodyHtml} className="revision__html" />
          )}
        </li>
      ))}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        showOlder ? (
          <RevisionPage postType={postType} postId={postId} after={pageInfo.endCursor} />
        ) : (
          <li>
            <Button onClick={() => setShowOlder(true)}>Show older versions</Button>
          </li>
        )
      ) : null}
    </>
  );
}
