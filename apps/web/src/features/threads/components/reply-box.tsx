import { useMutation } from '@apollo/client/react';
import { replyBodyLength } from '#post-limits';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/button';
import { bodyLengthOf, lengthCount } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { fieldErrorsOf } from '../../../lib/graphql-errors';
import { useAction } from '../../../lib/use-action';
import type { ReplyFieldsFragment } from '../../../gql/graphql';
import { ReplyToThreadDocument } from '../api/thread-documents';

interface ReplyBoxProps {
  threadId: string;
  /** Text to start from, e.g. a canonical answer a staff member chose in the dashboard. */
  draft?: string | null;
  onPosted: (reply: ReplyFieldsFragment) => void;
}

export function ReplyBox({ threadId, draft, onPosted }: ReplyBoxProps) {
  const [body, setBody] = useState(draft ?? '');
  const { error, submit } = useAction();
  const [reply, { loading }] = useMutation(ReplyToThreadDocument);
  const secrets = useSecretKinds(body);

  useEffect(() => {
    if (draft) setBody(draft);
  }, [draft]);

  const post = submit(async () => {
    const result = await reply({ variables: { threadId, body } });
    setBody('');
    if (result.data) onPosted(result.data.replyToThread);
  });

  const fields = fieldErrorsOf(error);
  return (
    <form className="reply-box card" onSubmit={post} id="reply">
      <h2 className="reply-box__title">Your reply</h2>
      {error && !fields.body ? <ErrorMessage error={error} /> : null}
      <MarkdownEditor
        label="Reply"
        name="body"
        value={body}
        onChange={setBody}
        error={fields.body}
        counter={lengthCount(bodyLengthOf(body), replyBodyLength)}
        rows={6}
        placeholder="Share what worked for you. Never post codes, QR codes or passwords."
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
