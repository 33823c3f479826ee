import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextAreaField, TextField } from '../../../components/field';
import { ErrorMessage, Notice } from '../../../components/status';
import type { PostType } from '../../../gql/graphql';
import { errorReasonOf } from '../../../lib/graphql-errors';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import {
  FlagPostDocument,
  HidePostDocument,
  LockThreadDocument,
  RestorePostDocument,
  UnlockThreadDocument,
} from '../api/moderation-documents';

export const postName = (postType: PostType) => (postType === 'THREAD' ? 'question' : 'reply');

/**
 * Members report a post to the moderators, with a reason. `flagged`: the member has an open flag on it (the post's
 * viewerFlagged), so the API would refuse another until a moderator resolves it; the dialog then says so instead.
 */
export function FlagButton({ postType, postId, flagged }: { postType: PostType; postId: string; flagged: boolean }) {
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  // The last send: taken ('sent'), or refused because the member's earlier flag is still open ('already').
  const [outcome, setOutcome] = useState<'sent' | 'already' | null>(null);
  const { error, setError, submit } = useAction();
  const [flag, { loading }] = useMutation(FlagPostDocument);

  const markFlagged = (now: 'sent' | 'already') => {
    client.cache.modify({
      id: client.cache.identify({ __typename: postType === 'THREAD' ? 'Thread' : 'Reply', id: postId }),
      fields: { viewerFlagged: () => true },
    });
    setOutcome(now);
  };
  const report = submit(
    async () => {
      await flag({ variables: { postType, postId, reason: reason.trim() } });
      markFlagged('sent');
    },
    // Flagged already (in another tab, say, or before the page was read): the post is flagged, but not by this send.
    (caught) => {
      const already = errorReasonOf(caught) === 'ALREADY_FLAGGED';
      if (already) markFlagged('already');
      return already;
    },
  );
  const shownFlagged = flagged || outcome !== null;
  // The sent form, and the Send flag button pressed in it, give way to the thanks: focus goes to its Close button
  // rather than falling to <body>, where a keyboard user would be left with nothing to press.
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (outcome !== null) closeRef.current?.focus();
  }, [outcome]);

  // A refused reason takes the focus from Send flag, below it.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['reason'], { reason: 'Reason' });
  return (
    <>
      <Button
        small
        variant="quiet"
        onClick={() => {
          // A refused send's error was about the text as it was then; the kept text is checked anew when sent again.
          setError(null);
          setOpen(true);
        }}
        title={`Report this ${postName(postType)} to the moderators`}
      >
        {shownFlagged ? 'Flagged' : 'Flag'}
      </Button>
      <Dialog open={open} title={`Flag this ${postName(postType)}`} onClose={() => setOpen(false)}>
        {shownFlagged ? (
          <div className="stack">
            {outcome === 'sent' ? (
              <Notice tone="success">Thanks — a moderator will look at it.</Notice>
            ) : (
              <div role="status">
                <Notice>You have already flagged this {postName(postType)}. A moderator will look at it.</Notice>
              </div>
            )}
            <Button ref={closeRef} onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        ) : (
          <form className="form" onSubmit={report}>
            <p className="muted">
              Tell the moderators what is wrong: spam, abuse, or someone sharing a secret like a QR code or backup code.
            </p>
            {formError ? <ErrorMessage error={formError} /> : null}
            <TextAreaField
              id={fieldIds.reason}
              label="Reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={fieldErrors.reason}
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

/** What a moderation toggle does one way: hide or restore a post, lock or unlock a thread. */
interface ModerationAction {
  /** Names it on the toggle, in the dialog's title and on its confirm button. */
  verb: string;
  /** What it does, said in the dialog. */
  effect: string;
  /** What it costs besides, said in the dialog as a warning. */
  warning?: string;
  /** The toggle's look when it offers this action (default: secondary). */
  toggleVariant?: 'danger';
  run: (reason: string | null) => Promise<unknown>;
  busy: boolean;
}

/**
 * Asks staff to confirm a moderation action, with an optional reason for the moderation log (`initialReason` fills it
 * in). Each opening starts afresh: the reason and an earlier attempt's error are the form's, which only an open dialog
 * holds.
 */
export function ModerationDialog({
  open,
  title,
  action,
  danger,
  initialReason = '',
  onClose,
  onDone,
}: {
  open: boolean;
  title: string;
  action: ModerationAction;
  /** The confirm button's look: danger for what takes something away (hide, lock), primary for what gives it back. */
  danger: boolean;
  initialReason?: string;
  onClose: () => void;
  /** After the action succeeded: close the dialog and read again what it changed. */
  onDone: () => Promise<unknown>;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ModerationForm action={action} danger={danger} initialReason={initialReason} onCancel={onClose} onDone={onDone} />
    </Dialog>
  );
}

function ModerationForm({
  action,
  danger,
  initialReason,
  onCancel,
  onDone,
}: {
  action: ModerationAction;
  danger: boolean;
  initialReason: string;
  onCancel: () => void;
  onDone: () => Promise<unknown>;
}) {
  const [reason, setReason] = useState(initialReason);
  const { error, submit } = useAction();
  const confirm = submit(async () => {
    await action.run(reason.trim() || null);
    await onDone();
  });
  // A refused reason takes the focus from the confirm button, below it.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['reason'], { reason: 'Reason' });
  return (
    <form className="form" onSubmit={confirm}>
      <p className="muted">{action.effect}</p>
      {action.warning ? <Notice tone="warning">{action.warning}</Notice> : null}
      {formError ? <ErrorMessage error={formError} /> : null}
      <TextField
        id={fieldIds.reason}
        label="Reason for the moderation log (optional)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldErrors.reason}
        maxLength={500}
      />
      <div className="row">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={action.busy}>
          {action.verb}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/**
 * A toggle for staff that asks first. The dialog keeps the action it was opened for: the state may change live while
 * it is open (the action's own event, another moderator's), and the dialog would otherwise turn into the opposite
 * action, which the next click would run.
 */
function ModerationToggle({
  subject,
  applied,
  apply,
  revert,
}: {
  /** What the dialog's title names after the verb: "this reply". */
  subject: string;
  /** Whether the post is hidden or the thread locked: the toggle then offers revert. */
  applied: boolean;
  apply: ModerationAction;
  revert: ModerationAction;
}) {
  const client = useApolloClient();
  const [asked, setAsked] = useState<'apply' | 'revert' | null>(null);
  const offered = applied ? revert : apply;
  const action = asked === 'revert' ? revert : apply;
  return (
    <>
      <Button small variant={offered.toggleVariant} onClick={() => setAsked(applied ? 'revert' : 'apply')}>
        {offered.verb}
      </Button>
      <ModerationDialog
        open={asked !== null}
        title={`${action.verb} ${subject}`}
        action={action}
        danger={asked !== 'revert'}
        onClose={() => setAsked(null)}
        onDone={() => {
          setAsked(null);
          return client.refetchQueries({ include: 'active' });
        }}
      />
    </>
  );
}

/** Hiding a post, as the thread page and the open flags queue offer it. */
export function useHidePostAction(postType: PostType, postId: string, accepted = false): ModerationAction {
  const [hide, { loading }] = useMutation(HidePostDocument);
  return {
    verb: 'Hide',
    effect: 'Only staff and its author will see it. Open flags on it are resolved.',
    warning: accepted
      ? 'This is the accepted answer. Hiding it withdraws the acceptance until it is restored, unless another answer is accepted meanwhile.'
      : undefined,
    toggleVariant: 'danger',
    run: (reason) => hide({ variables: { postType, postId, reason } }),
    busy: loading,
  };
}

/**
 * Staff hide a post (it stays visible to staff and its author) or show it again. Hiding the accepted answer withdraws
 * the acceptance until it is restored (unless the asker accepts another meanwhile): the dialog says so first.
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
  const hide = useHidePostAction(postType, postId, accepted);
  const [restore, { loading: restoring }] = useMutation(RestorePostDocument);
  return (
    <ModerationToggle
      subject={`this ${postName(postType)}`}
      applied={hidden}
      apply={hide}
      revert={{
        verb: 'Restore',
        effect: 'Everyone will see it again.',
        run: (reason) => restore({ variables: { postType, postId, reason } }),
        busy: restoring,
      }}
    />
  );
}

/**
 * Staff lock a thread or unlock it. Locking shuts its asker out of their own thread, so the dialog says so first; it
 * asks for unlocking too, as HideToggle does for restoring, with a reason for the moderation log either way.
 */
export function LockToggle({ threadId, locked }: { threadId: string; locked: boolean }) {
  const [lock, { loading: locking }] = useMutation(LockThreadDocument);
  const [unlock, { loading: unlocking }] = useMutation(UnlockThreadDocument);
  return (
    <ModerationToggle
      subject="this thread"
      applied={locked}
      apply={{
        verb: 'Lock',
        effect:
          'Nobody can reply until it is unlocked, not even its asker, and only staff can edit its posts or change the accepted answer.',
        run: (reason) => lock({ variables: { threadId, reason } }),
        busy: locking,
      }}
      revert={{
        verb: 'Unlock',
        effect: 'Everyone can reply again, and its asker can edit the question and accept an answer.',
        run: (reason) => unlock({ variables: { threadId, reason } }),
        busy: unlocking,
      }}
    />
  );
}
