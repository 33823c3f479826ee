import { useMutation } from '@apollo/client/react';
import { replyBodyLength } from '#post-limits';
import { useEffect, useRef } from 'react';
import { Button } from '../../../components/button';
import { bodyLengthOf, lengthCount } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { useSessionDraft } from '../../../lib/session-draft';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useViewer } from '../../../lib/viewer';
import type { ReplyFieldsFragment } from '../../../gql/graphql';
import { ReplyToThreadDocument } from '../api/thread-documents';

interface ReplyBoxProps {
  threadId: string;
  /** Text to start from, e.g. a canonical answer a staff member chose in the dashboard. */
  draft?: string | null;
  /** Once the draft is in the box (it may arrive after the box shows). */
  onDraftApplied?: () => void;
  onPosted: (reply: ReplyFieldsFragment) => void;
}

const emptyReply = { body: '' };

/** Members share what worked for them; staff answer for the forum, in its voice (greeting, steps, an open door). */
const placeholders = {
  member: 'Share what worked for you. Never post codes, QR codes or passwords.',
  staff:
    'Hi there @name! Answer for the forum: what to do, step by step, and an invitation to ask more. Never ask for or post codes, QR codes or passwords.',
};

/** What is typed is kept for the tab until posted, e.g. while the person signs in again after their session ended. */
export function ReplyBox({ threadId, draft, onDraftApplied, onPosted }: ReplyBoxProps) {
  const [unsent, setUnsent, endUnsent] = useSessionDraft(`reply-draft:${threadId}`, emptyReply);
  const body = unsent.body;
  const setBody = (text: string) => setUnsent({ body: text });
  const { viewer } = useViewer();
  const { error, submit } = useAction();
  const [reply, { loading }] = useMutation(ReplyToThreadDocument);
  const secrets = useSecretKinds(body);
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['body'], { body: 'Reply' });
  const applied = useRef<string | null>(null);

  useEffect(() => {
    if (!draft || draft === applied.current) return;
    applied.current = draft;
    setUnsent({ body: draft });
    // The draft is what the person came to finish: bring it into view, with focus (the page's #reply hash came too early).
    const field = document.getElementById(fieldIds.body);
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
    onDraftApplied?.();
  }, [draft, fieldIds.body, onDraftApplied]);

  const post = submit(async () => {
    const result = await reply({ variables: { threadId, body } });
    endUnsent();
    if (result.data) onPosted(result.data.replyToThread);
  });

  return (
    <form className="reply-box card" onSubmit={post} id="reply">
      <h2 className="reply-box__title">Your reply</h2>
      {formError ? <ErrorMessage error={formError} /> : null}
      <MarkdownEditor
        label="Reply"
        name="body"
        id={fieldIds.body}
        value={body}
        onChange={setBody}
        error={fieldErrors.body}
        counter={lengthCount(bodyLengthOf(body), replyBodyLength)}
        rows={6}
        placeholder={viewer?.isStaff ? placeholders.staff : placeholders.member}
      />
      <SecretWarning kinds={secrets} />
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          busy={loading}
          disabled={!body.trim() || bodyLengthOf(body) > replyBodyLength.max || secrets.length > 0}
        >
          Post reply
        </Button>
      </div>
    </form>
  );
}
