import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextAreaField, TextField } from '../../../components/field';
import { ErrorMessage, Notice } from '../../../components/status';
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

/**
 * Staff lock a thread or unlock it. Locking shuts its asker out of their own thread, so the dialog says so first; it
 * asks for unlocking too, as HideToggle does for restoring, with a reason for the moderation log either way.
 */
export function LockToggle({ threadId, locked }: { threadId: string; locked: boolean }) {
  const client = useApolloClient();
  // What the dialog was opened for: the lock may change live while it is open (the action's own event, another moderator).
  const [asked, setAsked] = useState<'lock' | 'unlock' | null>(null);
  const [reason, setReason] = useState('');
  const { error, submit } = useAction();
  const [lock, { loading: locking }] = useMutation(LockThreadDocument);
  const [unlock, { loading: unlocking }] = useMutation(UnlockThreadDocument);

  const apply = submit(async () => {
    const variables = { threadId, reason: reason.trim() || null };
    if (asked === 'unlock') await unlock({ variables });
    else await lock({ variables });
    setAsked(null);
    setReason('');
    await client.refetchQueries({ include: 'active' });
  });

  const fields = fieldErrorsOf(error);
  const verb = asked === 'unlock' ? 'Unlock' : 'Lock';
  return (
    <>
      <Button small onClick={() => setAsked(locked ? 'unlock' : 'lock')}>
        {locked ? 'Unlock' : 'Lock'}
      </Button>
      <Dialog open={asked !== null} title={`${verb} this thread`} onClose={() => setAsked(null)}>
        <form className="form" onSubmit={apply}>
          <p className="muted">
            {asked === 'unlock'
              ? 'Everyone can reply again, and its asker can edit the question and accept an answer.'
              : 'Nobody can reply until it is unlocked, not even its asker, and only staff can edit its posts or change the accepted answer.'}
          </p>
          {error && !fields.reason ? <ErrorMessage error={error} /> : null}
          <TextField
            label="Reason for the moderation log (optional)"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fields.reason}
            maxLength={500}
          />
          <div className="row">
            <Button type="submit" variant={asked === 'unlock' ? 'primary' : 'danger'} busy={locking || unlocking}>
              {verb}
            </Button>
            <Button onClick={() => setAsked(null)}>Cancel</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
