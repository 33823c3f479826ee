import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextAreaField, TextField } from '../../../components/field';
import { ErrorMessage, InlineError, Notice } from '../../../components/status';
import type { PostType } from '../../../gql/graphql';
import { errorCodeOf, fieldErrorsOf } from '../../../lib/graphql-errors';
import { useAction } from '../../../lib/use-action';
import {
  FlagPostDocument,
  HidePostDocument,
  LockThreadDocument,
  RestorePostDocument,
  UnlockThreadDocument,
} from '../api/moderation-documents';

const postName = (postType: PostType) => (postType === 'THREAD' ? 'question' : 'reply');

/** Members report a post to the moderators, with a reason. */
export function FlagButton({ postType, postId }: { postType: PostType; postId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const { error, submit } = useAction();
  const [flag, { loading }] = useMutation(FlagPostDocument);

  const report = submit(
    async () => {
      await flag({ variables: { postType, postId, reason: reason.trim() } });
      setDone(true);
    },
    // Flagged already (in another tab, say): the outcome the member wanted.
    (caught) => {
      const already = errorCodeOf(caught) === 'CONFLICT';
      if (already) setDone(true);
      return already;
    },
  );

  const fields = fieldErrorsOf(error);
  return (
    <>
      <Button small variant="quiet" onClick={() => setOpen(true)} title={`Report this ${postName(postType)} to the moderators`}>
        {done ? 'Flagged' : 'Flag'}
      </Button>
      <Dialog open={open} title={`Flag this ${postName(postType)}`} onClose={() => setOpen(false)}>
        {done ? (
          <div className="stack">
            <Notice tone="success">Thanks — a moderator will look at it.</Notice>
            <Button onClick={() => setOpen(false)}>Close</Button>
          </div>
        ) : (
          <form className="form" onSubmit={report}>
            <p className="muted">
              Tell the moderators what is wrong: spam, abuse, or someone sharing a secret like a QR code or backup code.
            </p>
            {error && !fields.reason ? <ErrorMessage error={error} /> : null}
            <TextAreaField
              label="Reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={fields.reason}
              hint="5 to 500 characters."
              maxLength={500}
              rows={3}
            />
            <div className="row">
              <Button type="submit" variant="primary" busy={loading}>
                Send flag
              </Button>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}

/**
 * Staff hide a post (it stays visible to staff and its author) or show it again. Hiding the accepted answer withdraws
 * the acceptance, and restoring it does not bring that back (the asker accepts again): the dialog says so first.
 */
export function HideToggle({
  postType,
  postId,
  hidden,
  accepted = false,
}: {
  postType: PostType;
  postId: string;
  hidden: boolean;
  accepted?: boolean;
}) {
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { error, submit } = useAction();
  const [hide, { loading: hiding }] = useMutation(HidePostDocument);
  const [restore, { loading: restoring }] = useMutation(RestorePostDocument);

  const apply = submit(async () => {
    const variables = { postType, postId, reason: reason.trim() || null };
    if (hidden) await restore({ variables });
    else await hide({ variables });
    setOpen(false);
    setReason('');
    await client.refetchQueries({ include: 'active' });
  });

  const fields = fieldErrorsOf(error);
  const verb = hidden ? 'Restore' : 'Hide';
  return (
    <>
      <Button small variant={hidden ? 'secondary' : 'danger'} onClick={() => setOpen(true)}>
        {verb}
      </Button>
      <Dialog open={open} title={`${verb} this ${postName(postType)}`} onClose={() => setOpen(false)}>
        <form className="form" onSubmit={apply}>
          <p className="muted">
            {hidden ? 'Everyone will see it again.' : 'Only staff and its author will see it. Open flags on it are resolved.'}
          </p>
          {accepted && !hidden ? (
            <Notice tone="warning">
              This is the accepted answer. Hiding it withdraws the acceptance, and restoring it later does not bring that back.
            </Notice>
          ) : null}
          {error && !fields.reason ? <ErrorMessage error={error} /> : null}
          <TextField
            label="Reason for the moderation log (optional)"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fields.reason}
            maxLength={500}
          />
          <div className="row">
            <Button type="submit" variant={hidden ? 'primary' : 'danger'} busy={hiding || restoring}>
              {verb}
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** Staff lock a thread (no new replies) or unlock it. */
export function LockToggle({ threadId, locked }: { threadId: string; locked: boolean }) {
  const client = useApolloClient();
  const { error, run } = useAction();
  const [lock, { loading: locking }] = useMutation(LockThreadDocument);
  const [unlock, { loading: unlocking }] = useMutation(UnlockThreadDocument);
  async function toggle() {
    if (locked) await unlock({ variables: { threadId } });
    else await lock({ variables: { threadId } });
    await client.refetchQueries({ include: 'active' });
  }
  return (
    <>
      <Button small busy={locking || unlocking} onClick={() => void run(toggle)}>
        {locked ? 'Unlock' : 'Lock'}
      </Button>
      <InlineError error={error} />
    </>
  );
}
