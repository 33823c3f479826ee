import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { Spinner, Notice } from '../../components/status';
import { AskForm, emptyDraft, type QuestionDraft } from '../../features/ask/components/ask-form';
import { AskSuggestions, InlineSuggestion } from '../../features/bot/components/ask-suggestions';
import { useSessionDraft } from '../../lib/session-draft';
import { useViewer } from '../../lib/viewer';
import { focusHeadingOnArrival, useFocusOnShow } from '../../lib/use-focus-on-show';
import { usePageTitle } from '../../lib/use-page-title';

function hasText(draft: QuestionDraft): boolean {
  return Boolean(draft.title.trim() || draft.body.trim() || draft.tags.trim());
}

export function AskRoute() {
  usePageTitle('Ask a question');
  const { viewer, loading } = useViewer();
  if (loading) return <Spinner />;
  if (!viewer) return <Navigate to="/sign-in?next=%2Fask" replace />;
  return <AskPage />;
}

/**
 * The member's draft survives a look at a suggested thread and back (session storage), and ends when posted or solved.
 * Mounted once the member is known, whose draft it reads.
 */
function AskPage() {
  const navigate = useNavigate();
  const [draft, setDraft, endDraft] = useSessionDraft('question-draft', emptyDraft);
  // Said once, so coming back to Ask never silently shows old text.
  const [restored, setRestored] = useState(() => hasText(draft));
  const [formKey, setFormKey] = useState(0);
  const [solved, setSolved] = useState<{ slug: string; title: string } | null>(null);

  function discardDraft() {
    endDraft();
    setRestored(false);
    // A fresh form: no messages about the discarded text, focus back on the title.
    setFormKey((key) => key + 1);
  }

  if (solved) return <Solved answer={solved} onAskAgain={() => setSolved(null)} />;

  return (
    <div className="ask-page">
      <div className="ask-page__form">
        {/* Not a PageHeading: whatever brought the member here, signing in to ask too, they came to type, and the Title
            field takes the focus (autoFocus) rather than the heading. */}
        <h1>Ask a question</h1>
        <p className="muted">Staff and the community answer here. Our FAQ bot suggests answers as you type.</p>
        {restored && hasText(draft) ? (
          <div className="draft-bar" role="group" aria-label="Your draft">
            <p>Your unfinished question is back, as you left it.</p>
            <Button small variant="quiet" onClick={discardDraft}>
              Discard draft
            </Button>
          </div>
        ) : null}
        <AskForm
          key={formKey}
          draft={draft}
          onChange={setDraft}
          onPosted={(threadId) => {
            endDraft();
            void navigate(`/t/${threadId}`, focusHeadingOnArrival);
          }}
          actions={
            hasText(draft) && !restored ? (
              <Button variant="quiet" onClick={discardDraft}>
                Discard draft
              </Button>
            ) : null
          }
          suggestion={
            <InlineSuggestion
              title={draft.title}
              body={draft.body}
              onSolved={(answer) => {
                endDraft();
                setSolved(answer);
              }}
            />
          }
        />
      </div>
      <AskSuggestions
        title={draft.title}
        body={draft.body}
        onSolved={(answer) => {
          endDraft();
          setSolved(answer);
        }}
      />
    </div>
  );
}

/**
 * Said in place of the form once a suggestion solved the question. The button pressed went with the form: focus goes
 * to the heading, so a keyboard or screen reader user goes on from here rather than from the top of the page.
 */
function Solved({ answer, onAskAgain }: { answer: { slug: string; title: string }; onAskAgain: () => void }) {
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  return (
    <section className="narrow-page stack">
      <h1 ref={heading} tabIndex={-1}>
        Glad that solved it
      </h1>
      <Notice tone="success">
        <p>
          Your draft is discarded — you did not need to post. The answer stays at{' '}
          <Link to={`/answers/${answer.slug}`}>
            “<bdi>{answer.title}</bdi>”
          </Link>
          .
        </p>
      </Notice>
      <div className="row">
        <Link className="button" to="/">
          Back to the questions
        </Link>
        <button type="button" className="button button--quiet" onClick={onAskAgain}>
          Ask something else
        </button>
      </div>
    </section>
  );
}
