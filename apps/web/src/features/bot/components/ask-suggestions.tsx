import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { HtmlBody } from '../../../components/html-body';
import { ErrorMessage, InlineError, Spinner } from '../../../components/status';
import { useAction } from '../../../lib/use-action';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { CanonicalAnswerPreviewDocument, RecordDeflectionDocument, SuggestAnswersDocument } from '../api/bot-documents';
import { titleLength, typedBodyMatched } from '#post-limits';

interface AskSuggestionsProps {
  title: string;
  body: string;
  /** "This solves my problem": the draft ends here. */
  onSolved: (answer: { slug: string; title: string }) => void;
}

const minimumLength = 8;

/**
 * The bot's suggestions for a draft, ~300 ms after typing stops. The side panel and the phone's inline
 * suggestion both call this with the same draft: Apollo sends one request and both read its answer.
 */
function useDraftSuggestions(title: string, body: string) {
  // One object per draft text, not per render: a new object would restart the debounce on every unrelated render.
  const draft = useMemo(() => ({ title: title.trim(), body: body.trim() }), [title, body]);
  const debounced = useDebouncedValue(draft, 300);
  const enough = debounced.title.length + debounced.body.length >= minimumLength;
  const { data, previousData, error, loading } = useQuery(SuggestAnswersDocument, {
    variables: { title: debounced.title.slice(0, titleLength.max), body: debounced.body.slice(0, typedBodyMatched) },
    skip: !enough,
    fetchPolicy: 'cache-first',
  });
  return { enough, error, loading, result: (data ?? previousData)?.suggestAnswers };
}

type Suggestions = NonNullable<ReturnType<typeof useDraftSuggestions>['result']>;

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line a screen reader says as the suggestions change, instead of reading the whole list again. */
function summaryOf(result: Suggestions): string {
  const answers =
    result.answers.length === 0 ? 'No suggested answer' : countOf(result.answers.length, 'suggested answer', 'suggested answers');
  const threads = result.threads.length === 0 ? '' : `, ${countOf(result.threads.length, 'similar question', 'similar questions')}`;
  const clarify = result.clarify ? `. The bot asks: ${result.clarify.question}` : '';
  return `${answers}${threads}${clarify}`;
}

/** Answers and threads that may already solve the question, updated ~300 ms after typing stops. */
export function AskSuggestions({ title, body, onSolved }: AskSuggestionsProps) {
  const { enough, error, loading, result } = useDraftSuggestions(title, body);
  const [preferred, setPreferred] = useState<string | null>(null);

  const answers = result?.answers ?? [];
  const ordered = preferred ? [...answers].sort((a, b) => (a.slug === preferred ? -1 : b.slug === preferred ? 1 : 0)) : answers;
  return (
    <aside className="suggestions card" aria-label="Possible answers" aria-busy={loading}>
      <h2 className="suggestions__title">Possible answers {loading ? <span className="loading__spinner" aria-hidden="true" /> : null}</h2>
      {/* In the page from the start, so the first summary is said too; React leaves it alone while it reads the same. */}
      <p className="visually-hidden" role="status" data-testid="suggestions-summary">
        {enough && result ? summaryOf(result) : ''}
      </p>
      {!enough ? (
        <p className="muted">Start typing your question: answers that may already solve it appear here.</p>
      ) : (
        <>
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
                      <bdi>{thread.title}</bdi>
                    </Link>{' '}
                    {thread.solved ? <Badge tone="answered">✓ Solved</Badge> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </aside>
  );
}

interface SuggestedAnswerProps {
  answer: { slug: string; title: string; excerpt: string; confidence: number };
  highlighted: boolean;
  onSolved: (answer: { slug: string; title: string }) => void;
}

/** "This solves my problem": counted as a deflection, then the draft ends. */
function useSolved(answer: { slug: string; title: string }, onSolved: AskSuggestionsProps['onSolved']) {
  const [recordDeflection, { loading }] = useMutation(RecordDeflectionDocument);
  const { error, run } = useAction();
  function solved() {
    return run(async () => {
      await recordDeflection({ variables: { slug: answer.slug } });
      onSolved({ slug: answer.slug, title: answer.title });
    });
  }
  return { solved, loading, error };
}

function SuggestedAnswer({ answer, highlighted, onSolved }: SuggestedAnswerProps) {
  const [expanded, setExpanded] = useState(false);
  const { solved, loading, error } = useSolved(answer, onSolved);
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
      <InlineError error={error} block />
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

/**
 * On a narrow screen the side panel sits below the form, out of sight while typing: the best suggestion (or the
 * bot's clarifying question) shows right under the field being typed, one line that opens the answer, with
 * "This solves my problem" beside it. Wide screens hide it (the panel is in view there).
 */
export function InlineSuggestion({ title, body, onSolved }: AskSuggestionsProps) {
  const { enough, result } = useDraftSuggestions(title, body);
  const [preferred, setPreferred] = useState<string | null>(null);
  if (!enough || !result) return null;
  const best = result.answers.find((answer) => answer.slug === preferred) ?? (preferred || !result.clarify ? result.answers[0] : undefined);
  if (result.clarify && !best) {
    return (
      <section className="inline-suggestion" aria-label="The bot asks">
        <div className="suggestions__clarify" role="group" aria-label={result.clarify.question}>
          <p>{result.clarify.question}</p>
          <div className="row">
            {result.clarify.choices.map((choice) => (
              <Button key={choice.slug} small variant="secondary" onClick={() => setPreferred(choice.slug)}>
                {choice.label}
              </Button>
            ))}
          </div>
        </div>
      </section>
    );
  }
  if (!best) return null;
  return <InlineAnswer key={best.slug} answer={best} onSolved={onSolved} />;
}

function InlineAnswer({ answer, onSolved }: { answer: { slug: string; title: string }; onSolved: AskSuggestionsProps['onSolved'] }) {
  const [open, setOpen] = useState(false);
  const { solved, loading, error } = useSolved(answer, onSolved);
  return (
    <section className="inline-suggestion" aria-label="Best answer so far">
      <details className="inline-suggestion__answer" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span className="inline-suggestion__label">Possible answer:</span> <bdi className="inline-suggestion__title">{answer.title}</bdi>
        </summary>
        {open ? <FullAnswer slug={answer.slug} /> : null}
      </details>
      <Button small variant="primary" busy={loading} onClick={() => void solved()}>
        This solves my problem
      </Button>
      <InlineError error={error} block />
    </section>
  );
}
