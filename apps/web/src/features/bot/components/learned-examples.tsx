import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { ExampleItem } from '../../../components/example-item';
import { EmptyState, ErrorMessage, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { ExampleSource } from '../../../gql/graphql';
import { LearnedExamplesDocument, RemoveLearnedExampleDocument } from '../api/bot-review-documents';

const shown = 100;

const decisionLabel: Record<ExampleSource, string> = {
  CONFIRMED: 'Confirmed',
  CORRECTED: 'Corrected',
  DISMISSED: 'Dismissed: none of our answers',
  SEED: 'Built in',
  STAFF: 'Added by staff',
};

/** What the bot learned from staff decisions, newest first; removing one retrains the bot at once. */
export function LearnedExamples() {
  const { data, error, refetch } = useQuery(LearnedExamplesDocument, { variables: { first: shown } });
  const [remove] = useMutation(RemoveLearnedExampleDocument);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);

  async function removeExample(id: string) {
    setRemoveError(null);
    setRemoving(id);
    try {
      await remove({ variables: { id } });
      await refetch();
    } catch (caught) {
      setRemoveError(caught);
    } finally {
      setRemoving(null);
    }
  }

  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading learned examples…" />;
  const examples = data.learnedExamples;
  return (
    <section className="card stack" aria-labelledby="learned-heading">
      <h2 id="learned-heading">Learned from staff decisions</h2>
      <p className="muted">
        Every confirmation and correction teaches the bot the question as an example of that answer; every dismissal teaches it that none of
        our answers fits. Remove a decision that was a mistake and the bot retrains at once.
      </p>
      {removeError ? <ErrorMessage error={removeError} /> : null}
      {examples.length === 0 ? (
        <EmptyState title="Nothing learned yet.">Decisions in the queues show up here.</EmptyState>
      ) : (
        <ul className="examples">
          {examples.map((example) => (
            <ExampleItem
              key={example.id}
              text={example.text}
              source={
                <>
                  {example.answerSlug ? (
                    <>
                      {decisionLabel[example.source]}:{' '}
                      <Link to={`/staff/answers/${example.answerSlug}`}>
                        <bdi>{example.answerTitle}</bdi>
                      </Link>
                    </>
                  ) : (
                    <Badge tone="neutral">{decisionLabel[example.source]}</Badge>
                  )}
                  {' · '}
                  {example.decidedBy ? <bdi>{example.decidedBy.username}</bdi> : 'a removed account'}, <TimeAgo date={example.decidedAt} />
                </>
              }
              threadId={example.threadId}
              removeLabel="Forget"
              removeName="Forget"
              removing={removing === example.id}
              onRemove={() => void removeExample(example.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
