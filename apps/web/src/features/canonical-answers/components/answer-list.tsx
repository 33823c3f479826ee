import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { TextAreaField, TextField } from '../../../components/field';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { EmptyState, ErrorMessage, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { CanonicalAnswerListDocument, CreateCanonicalAnswerDocument } from '../api/canonical-answer-documents';

export function CanonicalAnswerList() {
  const { data, error, refetch } = useQuery(CanonicalAnswerListDocument);
  const [creating, setCreating] = useState(false);
  // Cancel gives the focus back to the button that opened the form (it is shown again once the form has gone).
  const newAnswerButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (creating || !cancelled.current) return;
    cancelled.current = false;
    newAnswerButton.current?.focus();
  }, [creating]);
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading canonical answers…" />;
  return (
    <div className="stack">
      <div className="row">
        <p className="muted grow">What the FAQ bot answers with. Retired answers stay readable but are never suggested.</p>
        {creating ? null : (
          <Button ref={newAnswerButton} variant="primary" onClick={() => setCreating(true)}>
            New answer
          </Button>
        )}
      </div>
      {creating ? (
        <NewAnswerForm
          onCancel={() => {
            cancelled.current = true;
            setCreating(false);
          }}
        />
      ) : null}
      {data.canonicalAnswers.length === 0 ? (
        <EmptyState title="No canonical answers yet." />
      ) : (
        <ul className="answer-list">
          {data.canonicalAnswers.map((answer) => (
            <li key={answer.id} className={answer.retired ? 'answer-list__item answer-list__item--retired' : 'answer-list__item'}>
              <Link to={`/staff/answers/${answer.slug}`} className="answer-list__title">
                {answer.title}
              </Link>
              <span className="muted">
                /answers/{answer.slug} · v{answer.version} · updated <TimeAgo date={answer.updatedAt} />
              </span>
              {answer.retired ? <Badge tone="locked">Retired</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewAnswerForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [examples, setExamples] = useState('');
  const { error, submit } = useAction();
  const [create, { loading }] = useMutation(CreateCanonicalAnswerDocument, { refetchQueries: [CanonicalAnswerListDocument] });
  // The form replaces the New answer button pressed: it opens on its first field.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const createAnswer = submit(async () => {
    const lines = examples
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const result = await create({ variables: { input: { slug: slug.trim(), title: title.trim(), body, examples: lines } } });
    if (result.data) await navigate(`/staff/answers/${result.data.createCanonicalAnswer.slug}`);
  });

  // A refused field takes the focus from Create answer, below it.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['title', 'slug', 'body', 'examples'], {
    title: 'Title',
    slug: 'Address',
    body: 'Answer',
    examples: 'Example questions',
  });
  return (
    <form ref={form} className="form card" onSubmit={createAnswer}>
      <h2>New canonical answer</h2>
      {formError ? <ErrorMessage error={formError} /> : null}
      <TextField
        id={fieldIds.title}
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldErrors.title}
        maxLength={200}
      />
      <TextField
        id={fieldIds.slug}
        label="Address"
        hint="3–64 lower-case letters, digits or dashes: the answer lives at /answers/<address>."
        value={slug}
        onChange={(event) => setSlug(event.target.value.toLowerCase())}
        error={fieldErrors.slug}
        maxLength={64}
      />
      <MarkdownEditor id={fieldIds.body} label="Answer" value={body} onChange={setBody} error={fieldErrors.body} rows={10} />
      <TextAreaField
        id={fieldIds.examples}
        label="Example questions"
        hint="One per line: how people ask for this. The bot learns from them."
        value={examples}
        onChange={(event) => setExamples(event.target.value)}
        error={fieldErrors.examples}
        rows={4}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={loading}>
          Create answer
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
