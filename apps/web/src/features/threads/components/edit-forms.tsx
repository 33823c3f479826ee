import { useMutation } from '@apollo/client/react';
import { questionBodyLength, replyBodyLength, titleLength } from '#post-limits';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { bodyLengthOf, lengthCount, titleLengthOf } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { fieldErrorsOf } from '../../../lib/graphql-errors';
import { splitTags } from '../../../lib/tags';
import { useAction } from '../../../lib/use-action';
import { EditQuestionDocument, EditReplyDocument } from '../api/thread-documents';

interface EditQuestionFormProps {
  threadId: string;
  title: string;
  body: string;
  tags: readonly string[];
  onDone: () => void;
}

export function EditQuestionForm({ threadId, title: initialTitle, body: initialBody, tags: initialTags, onDone }: EditQuestionFormProps) {
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initialBody);
  const [tags, setTags] = useState(initialTags.join(', '));
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditQuestionDocument);
  const secrets = useSecretKinds(title, body);

  const save = submit(async () => {
    await edit({ variables: { threadId, input: { title, body, tags: splitTags(tags) } } });
    onDone();
  });

  const fields = fieldErrorsOf(error);
  return (
    <form className="form edit-form" onSubmit={save}>
      {error && Object.keys(fields).length === 0 ? <ErrorMessage error={error} /> : null}
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fields.title}
        counter={lengthCount(titleLengthOf(title), titleLength)}
        autoFocus
      />
      <MarkdownEditor
        label="Question"
        value={body}
        onChange={setBody}
        error={fields.body}
        counter={lengthCount(bodyLengthOf(body), questionBodyLength)}
      />
      <SecretWarning kinds={secrets} />
      <TextField
        label="Tags"
        hint="Up to 5, separated by commas."
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        error={fields.tags}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={secrets.length > 0}>
          Save changes
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

export function EditReplyForm({ replyId, body: initialBody, onDone }: { replyId: string; body: string; onDone: () => void }) {
  const [body, setBody] = useState(initialBody);
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditReplyDocument);
  const secrets = useSecretKinds(body);

  const save = submit(async () => {
    await edit({ variables: { replyId, input: { body } } });
    onDone();
  });

  const fields = fieldErrorsOf(error);
  return (
    <form className="form edit-form" onSubmit={save}>
      {error && !fields.body ? <ErrorMessage error={error} /> : null}
      <MarkdownEditor
        label="Reply"
        value={body}
        onChange={setBody}
        error={fields.body}
        counter={lengthCount(bodyLengthOf(body), replyBodyLength)}
        rows={6}
        autoFocus
      />
      <SecretWarning kinds={secrets} />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={secrets.length > 0}>
          Save changes
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
