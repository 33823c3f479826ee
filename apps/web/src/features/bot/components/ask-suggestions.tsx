import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { HtmlBody } from '../../../components/html-body';
import { ErrorMessage, Spinner } from '../../../components/status';
import { messageOf } from '../../../lib/graphql-errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { CanonicalAnswerPreviewDocument, RecordDeflectionDocument, SuggestAnswersDocument } from '../api/bot-documents';

interface AskSuggestionsProps {
  title: string;
  body: string;
  /** "This solves my problem": the draft ends here. */
  onSolved: (answer: { slug: string; title: string }) => void;
}

const minimumLength = 8;

/** Answers and threads that may already solve the question, updated ~300 ms after typing stops. */
export function AskSuggestions({ title, body, onSolved }: AskSuggestionsProps) {
  const debounced = useDebouncedValue({ title: title.trim(), body: body.trim() }, 300);
  const enough = debounced.title.length + debounced.body.length >= minimumLength;
  const { data, previousData, error, loading } = useQuery(SuggestAnswersDocument, {
    variables: { title: debounced.title.slice(0, 200), body: debounced.body.slice(0, 20000) },
    skip: !enough,
    fetchPolicy: 'cache-first',
  });
  const [preferred, setPreferred] = useState<string | null>(null);
  const result = (data ?? previousData)?.suggestAnswers;

  if (!enough) {
    return (
      <aside className="suggestions card" aria-label="Possible answers">
        <h2 className="suggestions__title">Possible answers</h2>
        <p className="muted">Start typing your question: answers that may already solve it appear here.</p>
      </aside>
    );
  }

  const answers = result?.answers ?? [];
  const ordered = preferred ? [...answers].sort((a, b) => (a.slug === preferred ? -1 : b.slug === preferred ? 1 : 0)) : answers;
  return (
    <aside className="suggestions card" aria-label="Possible answers" aria-busy={loading}>
      <h2 className="suggestions__title">Possible answers {loading ? <span className="loading__spinner" aria-hidden="true" /> : null}</h2>
      <div aria-live="polite">
        {error ? <ErrorMessage error={error} /> : null}
        {!result && !error ? <Spinner label="Looking for answers…" /> : null}
        {result?.clarify ? (
          <div className="suggestions__clarify" role="group" aria-label={result.clarify.question}>
            <p>{result.clarify.question}</p>
            <div className="row">
              {result.clarify.choices.map((choice) => (
                <Button
                  key={choice.slug}
                  small
                  variant={preferred === choice.slug ? 'primary' : 'secondary'}
                  aria-pressed={preferred === choice.slug}
                  onClick={() => setPreferred(choice.slug)}
                >
                  {choice.label}
                </Button>
              ))}
            </div>
          </div>
        ) : null}
        {result && ordered.length === 0 && result.threads.length === 0 ? (
          <p className="muted">No matching answers yet. Add a few details: what you see, and which devices are still signed in.</p>
        ) : null}
        {ordered.length > 0 ? (
          <ul className="suggestions__answers">
            {ordered.map((answer) => (
              <SuggestedAnswer key={answer.slug} answer={answer} highlighted={answer.slug === preferred} onSolved={onSolved} />
            ))}
          </ul>
        ) : null}
        {result && result.threads.length > 0 ? (
          <>
            <h3 className="suggestions__subtitle">Similar questions</h3>
            <ul className="suggestions__threads">
              {result.threads.map((thread) => (
                <li key={thread.id}>
                  <Link to={`/t/${thread.id}`} target="_blank" rel="noopener">
                    {thread.title}
                  </Link>{' '}
                  {thread.solved ? <Badge tone="answered">✓ Solved</Badge> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </aside>
  );
}

interface SuggestedAnswerProps {
  answer: { slug: string; title: string; excerpt: string; confidence: number };
  highlighted: boolean;
  onSolved: (answer: { slug: string; title: string }) => void;
}

function SuggestedAnswer({ answer, highlighted, onSolved }: SuggestedAnswerProps) {
  const [expanded, setExpanded] = useState(false);
  const [recordDeflection, { loading }] = useMutation(RecordDeflectionDocument);
  const [error, setError] = useState<string | null>(null);
  async function solved() {
    setError(null);
    try {
      await recordDeflection({ variables: { slug: answer.slug } });
      onSolved(answer);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }
  return (
    <li className={`suggested-answer${highlighted ? ' suggested-answer--highlighted' : ''}`}>
      <p className="suggested-answer__title">{answer.title}</p>
      {expanded ? <FullAnswer slug={answer.slug} /> : <p className="suggested-answer__excerpt">{answer.excerpt}</p>}
      <div className="row">
        <Button small variant="primary" busy={loading} onClick={() => void solved()}>
          This solves my problem
        </Button>
        <Button small variant="quiet" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)}>
          {expanded ? 'Show less' : 'Read the whole answer'}
        </Button>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function FullAnswer({ slug }: { slug: string }) {
  const { data, error } = useQuery(CanonicalAnswerPreviewDocument, { variables: { slug } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Spinner label="Loading the answer…" />;
  if (!data.canonicalAnswer) return <p className="muted">This answer is no longer available.</p>;
  return <HtmlBody html={data.canonicalAnswer.bodyHtml} className="suggested-answer__full" />;
}
