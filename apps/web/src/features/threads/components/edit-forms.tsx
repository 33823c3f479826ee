import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { questionBodyLength, replyBodyLength, titleLength } from '#post-limits';
import { useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/button';
import { EditConflictNotice } from '../../../components/edit-conflict-notice';
import { TextField } from '../../../components/field';
import { bodyLengthOf, lengthCount, titleLengthOf } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { isEditedSince } from '../../../lib/graphql-errors';
import { useSessionDraft } from '../../../lib/session-draft';
import { splitTags } from '../../../lib/tags';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import {
  EditedQuestionFieldsFragment,
  EditQuestionDocument,
  EditReplyDocument,
  ReplyFieldsFragment,
  ThreadPageDocument,
  ThreadRepliesDocument,
} from '../api/thread-documents';

/** Where the tab keeps an unsaved edit of a question; the thread page opens the editor again when it finds one. */
export const questionEditDraftKey = (threadId: string) => `edit-question:${threadId}`;

/** Where the tab keeps an unsaved edit of a reply. */
export const replyEditDraftKey = (replyId: string) => `edit-reply:${replyId}`;

/**
 * An edit's text, kept for the tab while it differs from the post as opened: it survives a reload and a session that
 * ends while it is written. It holds the version it started from, which the save sends: when someone else saved the
 * post since, the server stores nothing (EDITED_SINCE), and `current` is the post as it is now, read again, for the
 * form to show beside the kept text; the next save starts from that version. `save` runs the edit's mutation with the
 * version and forgets the draft once saved (true); `end` forgets it (cancelled).
 */
function useEditDraft<T extends object, Current extends { version: number }>(
  key: string,
  opened: T,
  version: number,
  readCurrent: () => Promise<Current | null>,
) {
  // The post as opened, fixed: a live edit that arrives meanwhile does not make the untouched text a draft.
  const [asOpened] = useState(() => ({ ...opened, fromVersion: version }));
  const [draft, setDraft, end] = useSessionDraft(key, asOpened);
  const [current, setCurrent] = useState<Current | null>(null);
  const save = async (mutate: (expectedVersion: number) => Promise<unknown>): Promise<boolean> => {
    try {
      await mutate(current?.version ?? draft.fromVersion);
    } catch (error) {
      if (!isEditedSince(error)) throw error;
      const now = await readCurrent();
      if (!now) throw error;
      setCurrent(now);
      return false;
    }
    end();
    return true;
  };
  return { draft, setDraft, save, end, current };
}

/**
 * Escape cancels the edit as Cancel does (the draft is forgotten), unless a widget inside the form already used the key,
 * or it ends the composition of a character in an input method.
 */
function cancelOnEscape(cancel: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    cancel();
  };
}

/** Reads the thread page's queries again (the post being edited is on one of them), then `read` from the cache. */
function useReadAgain<T>(read: (cache: ApolloCache) => T | null): () => Promise<T | null> {
  const client = useApolloClient();
  return async () => {
    await client.refetchQueries({ include: [ThreadPageDocument, ThreadRepliesDocument] });
    return read(client.cache);
  };
}

interface EditQuestionFormProps {
  threadId: string;
  title: string;
  body: string;
  tags: readonly string[];
  version: number;
  onDone: () => void;
}

export function EditQuestionForm({
  threadId,
  title: openedTitle,
  body: openedBody,
  tags: openedTags,
  version,
  onDone,
}: EditQuestionFormProps) {
  const opened = { title: openedTitle, body: openedBody, tags: openedTags.join(', ') };
  const readCurrent = useReadAgain((cache) =>
    cache.readFragment({ id: cache.identify({ __typename: 'Thread', id: threadId }), fragment: EditedQuestionFieldsFragment }),
  );
  const { draft, setDraft, save: saveDraft, end, current } = useEditDraft(questionEditDraftKey(threadId), opened, version, readCurrent);
  const { title, body, tags } = draft;
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditQuestionDocument);
  const secrets = useSecretKinds(title, body);

  const save = submit(async () => {
    const saved = await saveDraft((expectedVersion) =>
      edit({ variables: { threadId, input: { title, body, tags: splitTags(tags), expectedVersion } } }),
    );
    if (saved) onDone();
  });
  const cancel = () => {
    end();
    onDone();
  };

  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['title', 'body', 'tags'], {
    title: 'Title',
    body: 'Question',
    tags: 'Tags',
  });
  return (
    <form className="form edit-form" onSubmit={save} onKeyDown={cancelOnEscape(cancel)}>
      {formError ? <ErrorMessage error={formError} /> : null}
      {current ? (
        <EditConflictNotice title={current.title} body={current.body} bodyHtml={current.bodyHtml}>
          <p>Tags: {current.tags.length ? current.tags.join(', ') : 'none'}</p>
        </EditConflictNotice>
      ) : null}
      <TextField
        id={fieldIds.title}
        label="Title"
        value={title}
        onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        error={fieldErrors.title}
        counter={lengthCount(titleLengthOf(title), titleLength)}
        autoFocus
      />
      <MarkdownEditor
        id={fieldIds.body}
        label="Question"
        value={body}
        onChange={(text) => setDraft({ ...draft, body: text })}
        error={fieldErrors.body}
        counter={lengthCount(bodyLengthOf(body), questionBodyLength)}
      />
      <SecretWarning kinds={secrets} />
      <TextField
        id={fieldIds.tags}
        label="Tags"
        hint="Up to 5, separated by commas."
        value={tags}
        onChange={(event) => setDraft({ ...draft, tags: event.target.value })}
        error={fieldErrors.tags}
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
  version: number;
  onDone: () => void;
}

export function EditReplyForm({ replyId, body: openedBody, version, onDone }: EditReplyFormProps) {
  const readCurrent = useReadAgain((cache) =>
    cache.readFragment({
      id: cache.identify({ __typename: 'Reply', id: replyId }),
      fragment: ReplyFieldsFragment,
      fragmentName: 'ReplyFields',
    }),
  );
  const {
    draft,
    setDraft,
    save: saveDraft,
    end,
    current,
  } = useEditDraft(replyEditDraftKey(replyId), { body: openedBody }, version, readCurrent);
  const body = draft.body;
  const { error, submit } = useAction();
  const [edit, { loading }] = useMutation(EditReplyDocument);
  const secrets = useSecretKinds(body);

  const save = submit(async () => {
    const saved = await saveDraft((expectedVersion) => edit({ variables: { replyId, input: { body, expectedVersion } } }));
    if (saved) onDone();
  });
  const cancel = () => {
    end();
    onDone();
  };

  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['body'], { body: 'Reply' });
  return (
    <form className="form edit-form" onSubmit={save} onKeyDown={cancelOnEscape(cancel)}>
      {formError ? <ErrorMessage error={formError} /> : null}
      {current ? <EditConflictNotice body={current.body} bodyHtml={current.bodyHtml} /> : null}
      <MarkdownEditor
        id={fieldIds.body}
        label="Reply"
        value={body}
        onChange={(text) => setDraft({ ...draft, body: text })}
        error={fieldErrors.body}
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
