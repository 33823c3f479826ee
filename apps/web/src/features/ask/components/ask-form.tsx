import { useMutation } from '@apollo/client/react';
import { maxTagsPerQuestion, questionBodyLength, titleLength } from '#post-limits';
import { useState, type FocusEvent, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { bodyLengthOf, lengthCount, titleLengthOf } from '../../../components/length-counter';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { focusFirstInvalid } from '../../../lib/focus-first-invalid';
import { splitTags } from '../../../lib/tags';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { AskQuestionDocument } from '../api/ask-documents';
import { questionLabels, questionProblems, type QuestionField } from '../lib/question-rules';

export interface QuestionDraft {
  title: string;
  body: string;
  tags: string;
}

export const emptyDraft: QuestionDraft = { title: '', body: '', tags: '' };

interface AskFormProps {
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
  onPosted: (threadId: string) => void;
  /** Shown right under the title or the details, whichever is being typed (the page puts the bot's best suggestion here). */
  suggestion?: ReactNode;
  /** More buttons beside "Post your question". */
  actions?: ReactNode;
}

/**
 * Controlled by the page, which also shows the bot's suggestions for the same draft. The form checks the
 * API's own limits (libs/post-limits) before sending, and never cuts what people type or paste.
 */
export function AskForm({ draft, onChange, onPosted, suggestion, actions }: AskFormProps) {
  const { error, setError, submit } = useAction();
  const [typing, setTyping] = useState<'title' | 'body'>('title');
  const [checked, setChecked] = useState(false);
  const [ask, { loading }] = useMutation(AskQuestionDocument);
  const secrets = useSecretKinds(draft.title, draft.body);
  // A field the API refused gets the focus, as one the form's own checks refuse does.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['title', 'body', 'tags'], questionLabels);

  const problems = checked ? questionProblems(draft) : {};
  const messages: Partial<Record<QuestionField, string>> = { ...fieldErrors, ...problems };

  function change(next: QuestionDraft) {
    // An answer about the old text no longer applies to the new one.
    setError(null);
    onChange(next);
  }

  const post = submit(async () => {
    setChecked(true);
    const found = questionProblems(draft);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(found, fieldIds);
      return;
    }
    const result = await ask({ variables: { input: { title: draft.title, body: draft.body, tags: splitTags(draft.tags) } } });
    if (result.data) onPosted(result.data.askQuestion.id);
  });

  function noteTyping(event: FocusEvent<HTMLFormElement>) {
    if (event.target.id === fieldIds.title) setTyping('title');
    if (event.target.id === fieldIds.body) setTyping('body');
  }

  return (
    <form className="form ask-form" onSubmit={post} onFocus={noteTyping} noValidate>
      {formError ? <ErrorMessage error={formError} /> : null}
      <TextField
        id={fieldIds.title}
        label={questionLabels.title}
        name="title"
        hint={`One sentence: what happened, and what you need. ${titleLength.min}–${titleLength.max} characters.`}
        placeholder="e.g. I never got backup codes when I turned on 2FA"
        value={draft.title}
        onChange={(event) => change({ ...draft, title: event.target.value })}
        error={messages.title}
        counter={lengthCount(titleLengthOf(draft.title), titleLength)}
        autoFocus
      />
      {typing === 'title' ? suggestion : null}
      <MarkdownEditor
        id={fieldIds.body}
        label={questionLabels.body}
        name="body"
        hint={`At least ${questionBodyLength.min} characters. Say what you tried and which devices are still signed in: the bot and the staff need that to tell which answer fits. Never paste codes, QR codes or passwords.`}
        value={draft.body}
        onChange={(body) => change({ ...draft, body })}
        error={messages.body}
        counter={lengthCount(bodyLengthOf(draft.body), questionBodyLength)}
        rows={8}
      />
      <SecretWarning kinds={secrets} />
      {typing === 'body' ? suggestion : null}
      <TextField
        id={fieldIds.tags}
        label="Tags (optional)"
        name="tags"
        hint={`Up to ${maxTagsPerQuestion}, separated by commas, e.g. backup-codes, authenticator.`}
        value={draft.tags}
        onChange={(event) => change({ ...draft, tags: event.target.value })}
        error={messages.tags}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={secrets.length > 0}>
          Post your question
        </Button>
        {actions}
      </div>
    </form>
  );
}
