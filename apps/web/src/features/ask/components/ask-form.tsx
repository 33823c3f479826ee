import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { SecretWarning, useSecretKinds } from '../../../components/secret-warning';
import { ErrorMessage } from '../../../components/status';
import { fieldErrorsOf } from '../../../lib/graphql-errors';
import { splitTags } from '../../../lib/tags';
import { AskQuestionDocument } from '../api/ask-documents';

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
}

/** Controlled by the page, which also shows the bot's suggestions for the same draft. */
export function AskForm({ draft, onChange, onPosted }: AskFormProps) {
  const [error, setError] = useState<unknown>(null);
  const [ask, { loading }] = useMutation(AskQuestionDocument);
  const secrets = useSecretKinds(draft.title, draft.body);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await ask({ variables: { input: { title: draft.title, body: draft.body, tags: splitTags(draft.tags) } } });
      if (result.data) onPosted(result.data.askQuestion.id);
    } catch (caught) {
      setError(caught);
    }
  }

  const fields = fieldErrorsOf(error);
  const known = ['title', 'body', 'tags'];
  const unplaced = error && !Object.keys(fields).some((field) => known.includes(field));
  return (
    <form className="form ask-form" onSubmit={submit} noValidate>
      {unplaced ? <ErrorMessage error={error} /> : null}
      <TextField
        label="Title"
        name="title"
        hint="One sentence: what happened, and what you need. 10–200 characters."
        placeholder="e.g. I never got backup codes when I turned on 2FA"
        value={draft.title}
        maxLength={200}
        onChange={(event) => onChange({ ...draft, title: event.target.value })}
        error={fields.title}
        autoFocus
      />
      <MarkdownEditor
        label="Details"
        name="body"
        hint="What you tried, what you see, which devices are still signed in. Never paste codes, QR codes or passwords. At least 20 characters."
        value={draft.body}
        onChange={(body) => onChange({ ...draft, body })}
        error={fields.body}
        maxLength={20000}
        rows={8}
      />
      <SecretWarning kinds={secrets} />
      <TextField
        label="Tags (optional)"
        name="tags"
        hint="Up to 5, separated by commas, e.g. backup-codes, authenticator."
        value={draft.tags}
        onChange={(event) => onChange({ ...draft, tags: event.target.value })}
        error={fields.tags}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={secrets.length > 0}>
          Post your question
        </Button>
      </div>
    </form>
  );
}
