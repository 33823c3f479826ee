import { useMutation } from '@apollo/client/react';
import { questionBodyLength, replyBodyLength, titleLength } from '#post-limits';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { HtmlBody } from '../../../components/html-body';
import { bodyLengthOf, lengthCount, titleLengthOf } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage, Notice } from '../../../components/status';
import { fieldErrorsOf } from '../../../lib/graphql-errors';
import { useSessionDraft } from '../../../lib/session-draft';
import { splitTags } from '../../../lib/tags';
import { useAction } from '../../../lib/use-action';
import { EditQuestionDocument, EditReplyDocument } from '../api/thread-documents';

/** Where the tab keeps an unsaved edit of a question; the thread page opens the editor again when it finds one. */
export const questionEditDraftKey = (threadId: string) => `edit-question:${threadId}`;

/** Where the tab keeps an unsaved edit of a reply. */
export const replyEditDraftKey = (replyId: string) => `edit-reply:${replyId}`;

/**
 * An edit's text, kept for the tab while it differs from the post as opened: it survives a reload and a session that
 * ends while it is written. It holds the revision it started from (the post's editedAt), so that an edit made since,
 * e.g. by staff, is told and not silently overwritten. `save` runs the edit's mutation and forgets the draft once it is
 * saved; `end` forgets it (cancelled).
 */
function useEditDraft<T extends object>(key: string, opened: T, editedAt: string | null) {
  // The post as opened, fixed: a live edit that arrives meanwhile does not make the untouched text a draft.
  const [asOpened] = useState(() => ({ ...opened, startedFrom: editedAt }));
  const [draft, setDraft, end] = useSessionDraft(key, asOpened);
  // The saved post's new editedAt reaches the cache before the mutation's promise settles: not someone else's change.
  const [saving, setSaving] = useState(false);
  const save = async (mutate: () => Promise<unknown>) => {
    setSaving(true);
    try {
      await mutate();
    } catch (error) {
      setSaving(false);
      throw error;
    }
    end();
  };
  return { draft, setDraft, save, end, changedSince: !saving && draft.startedFrom !== editedAt };
}

function ChangedSinceNotice({ children }: { children: ReactNode }) {
  return (
    <Notice tone="warning">
      <p>This post was changed since you started editing. Saving replaces that version with yours.</p>
      <details>
        <summary>Show the current version</summary>
        {children}
      </details>
    </Notice>
  );
}

interface EditQuestionFormProps {
  threadId: string;
  title: string;
  body: string;
  bodyHtml: string;
  tags: readonly string[];
  editedAt: string | null;
  onDone: () => void;
}

export function EditQuestionForm({
  threadId,
  title: currentTitle,
  body: currentBody,
  bodyHtml,
  tags: currentTags,
  editedAt,
  onDone,
}: EditQuestionFormProps) {
  const opened = { title: currentTitle, body: currentBody, tags: currentTags.join(', ') };
  const { draft, setDraft, save: saveDraft, end, changedSince } = useEditDraft(questionEditDraftKey(threadId), opened, editedAt);
  const { title, body, tags } = draft;
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditQuestionDocument);
  const secrets = useSecretKinds(title, body);

  const save = submit(async () => {
    await saveDraft(() => edit({ variables: { threadId, input: { title, body, tags: splitTags(tags) } } }));
    onDone();
  });
  const cancel = () => {
    end();
    onDone();
  };

  const fields = fieldErrorsOf(error, { title: 'Title', body: 'Question', tags: 'Tags' });
  return (
    <form className="form edit-form" onSubmit={save}>
      {error && Object.keys(fields).length === 0 ? <ErrorMessage error={error} /> : null}
      {changedSince ? (
        <ChangedSinceNotice>
          <p>
            <strong>{currentTitle}</strong>
          </p>
          <HtmlBody html={bodyHtml} />
          <p>Tags: {currentTags.length ? currentTags.join(', ') : 'none'}</p>
        </ChangedSinceNotice>
      ) : null}
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        error={fields.title}
        counter={lengthCount(titleLengthOf(title), titleLength)}
        autoFocus
      />
      <MarkdownEditor
        label="Question"
        value={body}
        onChange={(text) => setDraft({ ...draft, body: text })}
        error={fields.body}
        counter={lengthCount(bodyLengthOf(body), questionBodyLength)}
      />
      <SecretWarning kinds={secrets} />
      <TextField
        label="Tags"
        hint="Up to 5, separated by commas."
        value={tags}
        onChange={(event) => setDraft({ ...draft, tags: event.target.value })}
        error={fields.tags}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={secrets.length > 0}>
          Save changes
        </Button>
        <Button onClick={cancel}>Cancel</Button>
      </div>
    </form>
  );
}

interface EditReplyFormProps {
  replyId: string;
  body: string;
  bodyHtml: string;
  editedAt: string | null;
  onDone: () => void;
}

export function EditReplyForm({ replyId, body: currentBody, bodyHtml, editedAt, onDone }: EditReplyFormProps) {
  const { draft, setDraft, save: saveDraft, end, changedSince } = useEditDraft(replyEditDraftKey(replyId), { body: currentBody }, editedAt);
  const body = draft.body;
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditReplyDocument);
  const secrets = useSecretKinds(body);

  const save = submit(async () => {
    await saveDraft(() => edit({ variables: { replyId, input: { body } } }));
    onDone();
  });
  const cancel = () => {
    end();
    onDone();
  };

  const fields = fieldErrorsOf(error, { body: 'Reply' });
  return (
    <form className="form edit-form" onSubmit={save}>
      {error && !fields.body ? <ErrorMessage error={error} /> : null}
      {changedSince ? (
        <ChangedSinceNotice>
          <HtmlBody html={bodyHtml} />
        </ChangedSinceNotice>
      ) : null}
      <MarkdownEditor
        label="Reply"
        value={body}
        onChange={(text) => setDraft({ ...draft, body: text })}
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
        <Button onClick={cancel}>Cancel</Button>
      </div>
    </form>
  );
}
