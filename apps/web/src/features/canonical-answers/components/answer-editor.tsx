import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { EditConflictNotice } from '../../../components/edit-conflict-notice';
import { ExampleItem } from '../../../components/example-item';
import { TextAreaField, TextField } from '../../../components/field';
import { HtmlBody } from '../../../components/html-body';
import { MarkdownEditor } from '../../../components/markdown-editor';
import { ErrorMessage, InlineError, Notice, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { CanonicalAnswerEditorQuery } from '../../../gql/graphql';
import { isEditedSince } from '../../../lib/graphql-errors';
import { isolate } from '../../../lib/bidi';
import { usePageTitle } from '../../../lib/use-page-title';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import {
  AddAnswerExampleDocument,
  CanonicalAnswerEditorDocument,
  CanonicalAnswerExamplesDocument,
  CanonicalAnswerListDocument,
  CanonicalAnswerRevisionsDocument,
  RemoveAnswerExampleDocument,
  RestoreCanonicalAnswerDocument,
  RetireCanonicalAnswerDocument,
  UpdateCanonicalAnswerDocument,
} from '../api/canonical-answer-documents';

type AnswerDetails = NonNullable<CanonicalAnswerEditorQuery['canonicalAnswer']>;

const sourceLabel: Record<string, string> = {
  SEED: 'built in',
  STAFF: 'added by staff',
  CONFIRMED: 'confirmed question',
  CORRECTED: 'corrected question',
};

export function CanonicalAnswerEditor({ slug }: { slug: string }) {
  const { data, error, refetch } = useQuery(CanonicalAnswerEditorDocument, { variables: { slug } });
  usePageTitle(data?.canonicalAnswer ? `Edit: ${isolate(data.canonicalAnswer.title)}` : 'Canonical answer');
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading the answer…" />;
  const answer = data.canonicalAnswer;
  if (!answer) return <Notice tone="warning">No canonical answer has the address “{slug}”.</Notice>;
  return (
    <div className="stack">
      <p>
        <Link to="/staff/answers">← All canonical answers</Link>
      </p>
      <div className="page-header">
        <h2>
          <bdi>{answer.title}</bdi> {answer.retired ? <Badge tone="locked">Retired</Badge> : null}
        </h2>
        <RetireToggle slug={answer.slug} retired={answer.retired} />
      </div>
      <p className="muted">
        <Link to={`/answers/${answer.slug}`}>/answers/{answer.slug}</Link> · version {answer.version} · updated{' '}
        <TimeAgo date={answer.updatedAt} />
      </p>
      <AnswerTextForm answer={answer} />
      <Examples answer={answer} />
      <History answer={answer} />
    </div>
  );
}

/**
 * Retiring asks first, as the app does for moderation: the bot stops suggesting the answer at once. Restoring, which
 * undoes it, is one click.
 */
function RetireToggle({ slug, retired }: { slug: string; retired: boolean }) {
  const restoring = useAction();
  const retiring = useAction();
  const [asking, setAsking] = useState(false);
  const options = { refetchQueries: [CanonicalAnswerEditorDocument, CanonicalAnswerListDocument] };
  const [retire, { loading: retireLoading }] = useMutation(RetireCanonicalAnswerDocument, options);
  const [restore, { loading: restoreLoading }] = useMutation(RestoreCanonicalAnswerDocument, options);
  const confirmRetire = retiring.submit(async () => {
    await retire({ variables: { slug } });
    setAsking(false);
  });
  function toggle() {
    if (retired) void restoring.run(() => restore({ variables: { slug } }));
    else {
      // The dialog opens afresh, without the error of an earlier attempt.
      retiring.setError(null);
      setAsking(true);
    }
  }
  return (
    <div className="row">
      <Button variant={retired ? 'primary' : 'danger'} busy={restoreLoading} onClick={toggle}>
        {retired ? 'Restore' : 'Retire'}
      </Button>
      <InlineError error={restoring.error} />
      <Dialog open={asking} title="Retire this answer" onClose={() => setAsking(false)}>
        <form className="form" onSubmit={confirmRetire}>
          <p className="muted">The bot stops suggesting it at once. It stays readable at its address, and you can restore it later.</p>
          {retiring.error ? <ErrorMessage error={retiring.error} /> : null}
          <div className="row">
            <Button type="submit" variant="danger" busy={retireLoading}>
              Retire
            </Button>
            <Button onClick={() => setAsking(false)}>Cancel</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

function AnswerTextForm({ answer }: { answer: AnswerDetails }) {
  const client = useApolloClient();
  const [title, setTitle] = useState(answer.title);
  const [body, setBody] = useState(answer.body);
  // The version the form's text started from, which a save sends: when someone else saved one since, the server stores
  // nothing (EDITED_SINCE) and `current` is the answer as it is now, shown to merge with; the next save starts from it.
  const [fromVersion, setFromVersion] = useState(answer.version);
  const [current, setCurrent] = useState<AnswerDetails | null>(null);
  const { error, submit } = useAction();
  const [saved, setSaved] = useState(false);
  const [update, { loading }] = useMutation(UpdateCanonicalAnswerDocument, {
    refetchQueries: [CanonicalAnswerEditorDocument, CanonicalAnswerListDocument, CanonicalAnswerRevisionsDocument],
  });
  const changed = title !== answer.title || body !== answer.body;
  const showSaved = saved && !changed;
  // The saved text, once read back, leaves nothing changed: the Save button is disabled and drops focus, which the
  // confirmation takes.
  const form = useRef<HTMLFormElement>(null);
  const savedNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (showSaved) moveFocusFrom(form.current, savedNotice.current);
  }, [showSaved]);

  const save = submit(async () => {
    setSaved(false);
    try {
      const { data } = await update({
        variables: { slug: answer.slug, input: { title: title.trim(), body, expectedVersion: fromVersion } },
      });
      if (data) setFromVersion(data.updateCanonicalAnswer.version);
    } catch (error) {
      if (!isEditedSince(error)) throw error;
      const { data } = await client.query({
        query: CanonicalAnswerEditorDocument,
        variables: { slug: answer.slug },
        fetchPolicy: 'network-only',
      });
      if (!data?.canonicalAnswer) throw error;
      setCurrent(data.canonicalAnswer);
      setFromVersion(data.canonicalAnswer.version);
      return;
    }
    setCurrent(null);
    setSaved(true);
  });

  // A refused field takes the focus from Save a new version, below it.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['title', 'body'], { title: 'Title', body: 'Answer' });
  return (
    <form ref={form} className="form card" onSubmit={save}>
      <h3>Text</h3>
      {formError ? <ErrorMessage error={formError} /> : null}
      {showSaved ? (
        <div ref={savedNotice} tabIndex={-1}>
          <Notice tone="success">Saved as version {answer.version}.</Notice>
        </div>
      ) : null}
      {current ? <EditConflictNotice title={current.title} body={current.body} bodyHtml={current.bodyHtml} /> : null}
      <TextField
        id={fieldIds.title}
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldErrors.title}
        maxLength={200}
      />
      <MarkdownEditor id={fieldIds.body} label="Answer" value={body} onChange={setBody} error={fieldErrors.body} rows={12} />
      <details>
        <summary>How it looks now (saved version)</summary>
        <HtmlBody html={answer.bodyHtml} />
      </details>
      <div className="row">
        <Button type="submit" variant="primary" busy={loading} disabled={!changed}>
          Save a new version
        </Button>
        {changed ? (
          <Button
            onClick={() => {
              setTitle(answer.title);
              setBody(answer.body);
              setFromVersion(answer.version);
              setCurrent(null);
            }}
          >
            Discard changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function Examples({ answer }: { answer: AnswerDetails }) {
  const client = useApolloClient();
  const [text, setText] = useState('');
  // The new example is listed last, usually pages down: say it was added.
  const [added, setAdded] = useState<string | null>(null);
  const { error, run, submit } = useAction();
  const [add, { loading: adding }] = useMutation(AddAnswerExampleDocument);
  const [remove] = useMutation(RemoveAnswerExampleDocument);
  const [removing, setRemoving] = useState<string | null>(null);

  /** Every page of examples on screen reads again. */
  async function refresh() {
    await client.refetchQueries({ include: [CanonicalAnswerExamplesDocument] });
  }

  // Adding empties the field, which disables Add example and drops focus: it goes back to the field, for the next one.
  const exampleForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (added) moveFocusFrom(exampleForm.current, exampleForm.current?.querySelector('textarea'));
  }, [added]);
  const addExample = submit(async () => {
    setAdded(null);
    await add({ variables: { slug: answer.slug, text: text.trim() } });
    setAdded(text.trim());
    setText('');
    await refresh();
  });

  async function removeExample(id: string) {
    setRemoving(id);
    await run(async () => {
      await remove({ variables: { exampleId: id } });
      await refresh();
    });
    setRemoving(null);
  }

  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['text'], { text: 'Example' });
  return (
    <section className="card stack" aria-labelledby="examples-heading">
      <h3 id="examples-heading">Example questions</h3>
      <p className="muted">The bot learns from these. Remove ones that belong to another answer.</p>
      {formError ? <ErrorMessage error={formError} /> : null}
      <ul className="examples">
        <ExamplePage slug={answer.slug} after={null} removing={removing} onRemove={(id) => void removeExample(id)} />
      </ul>
      <form ref={exampleForm} className="form" onSubmit={addExample}>
        {added ? <Notice tone="success">Added “{added}”: the bot learns it now. New examples are listed last.</Notice> : null}
        <TextAreaField
          id={fieldIds.text}
          label="Add an example question"
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={fieldErrors.text}
          rows={2}
          maxLength={2000}
        />
        <Button type="submit" busy={adding} disabled={!text.trim()}>
          Add example
        </Button>
      </form>
    </section>
  );
}

/** One page of example questions; its last item offers the next page. */
function ExamplePage({
  slug,
  after,
  removing,
  onRemove,
}: {
  slug: string;
  after: string | null;
  removing: string | null;
  onRemove: (id: string) => void;
}) {
  const [showMore, setShowMore] = useState(false);
  const { data, error, refetch } = useQuery(CanonicalAnswerExamplesDocument, { variables: { slug, after } });
  if (error && !data)
    return (
      <li>
        <ErrorMessage error={error} retry={() => refetch()} />
      </li>
    );
  const page = data?.canonicalAnswer?.examples;
  if (!page)
    return (
      <li>
        <Spinner label="Loading the examples…" />
      </li>
    );
  return (
    <>
      {page.nodes.map((example) => (
        <ExampleItem
          key={example.id}
          text={example.text}
          source={sourceLabel[example.source] ?? example.source}
          threadId={example.threadId}
          removeLabel="Remove"
          removeName="Remove example"
          removing={removing === example.id}
          onRemove={() => onRemove(example.id)}
        />
      ))}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        showMore ? (
          <ExamplePage slug={slug} after={page.pageInfo.endCursor} removing={removing} onRemove={onRemove} />
        ) : (
          <li>
            <Button onClick={() => setShowMore(true)}>Show more examples</Button>
          </li>
        )
      ) : null}
    </>
  );
}

function History({ answer }: { answer: AnswerDetails }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <ol className="revisions">
        <RevisionPage slug={answer.slug} after={null} />
      </ol>
    </section>
  );
}

/** One page of earlier versions, newest first; its last item offers the older ones. */
function RevisionPage({ slug, after }: { slug: string; after: string | null }) {
  const [showOlder, setShowOlder] = useState(false);
  const { data, error, refetch } = useQuery(CanonicalAnswerRevisionsDocument, { variables: { slug, after } });
  if (error && !data)
    return (
      <li>
        <ErrorMessage error={error} retry={() => refetch()} />
      </li>
    );
  const page = data?.canonicalAnswer?.revisions;
  if (!page)
    return (
      <li>
        <Spinner label="Loading the history…" />
      </li>
    );
  if (page.nodes.length === 0 && after === null) return <li className="muted">This is the first version.</li>;
  return (
    <>
      {page.nodes.map((revision) => (
        <li key={revision.version} className="revision">
          <details>
            <summary>
              Version {revision.version}, replaced <TimeAgo date={revision.createdAt} />
              {revision.editor ? (
                <>
                  {' '}
                  by <bdi>{revision.editor.username}</bdi>
                </>
              ) : null}
            </summary>
            <p className="revision__title">{revision.title}</p>
            <div className="revision__body">{revision.body}</div>
          </details>
        </li>
      ))}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        showOlder ? (
          <RevisionPage slug={slug} after={page.pageInfo.endCursor} />
        ) : (
          <li>
            <Button onClick={() => setShowOlder(true)}>Show older versions</Button>
          </li>
        )
      ) : null}
    </>
  );
}

/** Focus goes to `target` when it is in `form` (on the button just disabled) or has fallen to <body>. */
function moveFocusFrom(form: HTMLElement | null, target: HTMLElement | null | undefined) {
  const active = document.activeElement;
  if (active === null || active === document.body || form?.contains(active)) target?.focus();
}
