import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
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
  const { data, error, refetch } = useQuery(RevisionsDocument, { variables: { postType, postId }, fetchPolicy: 'network-only' });
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading the history…" />;
  if (data.revisions.length === 0) return <EmptyState title="No earlier versions." />;
  return (
    <ol className="revisions">
      {data.revisions.map((revision) => (
        <li key={revision.id} className="revision">
          <p className="revision__meta">
            Before the edit by <strong>{revision.editor.username}</strong> <TimeAgo date={revision.createdAt} />
          </p>
          {revision.previousTitle ? <p className="revision__title">{revision.previousTitle}</p> : null}
          <div className="revision__body">{revision.previousBody}</div>
        </li>
      ))}
    </ol>
  );
}
