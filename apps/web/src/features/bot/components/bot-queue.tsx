import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { EmptyState, InlineError, LoadMoreRow, PageStatus } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { BotQueueKind, BotQueueQuery } from '../../../gql/graphql';
import { isolate } from '../../../lib/bidi';
import { threadLink } from '../../../lib/thread-link';
import { useAction } from '../../../lib/use-action';
import { useQueueRowFocus } from '../../../lib/use-queue-row-focus';
import { pickedByAsker } from './use-bot-suggestion';
import {
  AnswerChoicesDocument,
  BotQueueDocument,
  BotStatsDocument,
  ConfirmSuggestionDocument,
  CorrectSuggestionDocument,
  DismissSuggestionDocument,
} from '../api/bot-review-documents';

type QueueItem = BotQueueQuery['botQueue']['nodes'][number];

const emptyText: Record<BotQueueKind, string> = {
  PENDING: 'No suggestions waiting for review.',
  UNHELPFUL: 'No bot answers marked unhelpful.',
  NO_SUGGESTION: 'Every open question has a reply or a suggestion.',
  DISMISSED: 'Every dismissed question has a staff answer.',
};

/** Staff decisions a new one replaces ("latest decision wins"), as the queue names them. */
const staffDecisionText: Partial<Record<NonNullable<QueueItem['suggestion']>['status'], string>> = {
  CONFIRMED_BY_STAFF: 'confirmed',
  CORRECTED: 'corrected',
  DISMISSED: 'dismissed',
};

interface Decision {
  threadId: string;
  title: string;
  message: ReactNode;
}

export function BotQueue({ kind }: { kind: BotQueueKind }) {
  const [pages, setPages] = useState<string[]>([]);
  // Decided items leave the queue when it is refetched; what was done stays listed here.
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const onDecided = (decision: Decision) =>
    setDecisions((current) => [decision, ...current.filter((item) => item.threadId !== decision.threadId)]);
  return (
    <>
      {/* In the page from the start, so the first decision is announced too; each new one is read, not the whole list. */}
      <div aria-live="polite" data-testid="queue-decisions">
        {decisions.length > 0 ? (
          <ul className="decisions">
            {decisions.map((decision) => (
              <li key={decision.threadId} className="notice notice--success">
                <Link {...threadLink(decision.threadId)}>
                  <bdi>{decision.title}</bdi>
                </Link>{' '}
                — {decision.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {/* Focus goes here when a decision empties the queue. */}
      <ul className="queue" aria-label="Queue" tabIndex={-1}>
        {[null, ...pages].map((after, index, all) => (
          <BotQueuePage
            key={after ?? 'first'}
            kind={kind}
            after={after}
            isFirst={index === 0}
            isLast={index === all.length - 1}
            onMore={(cursor) => setPages((current) => [...current, cursor])}
            onDecided={onDecided}
          />
        ))}
      </ul>
    </>
  );
}

function BotQueuePage(props: {
  kind: BotQueueKind;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onDecided: (decision: Decision) => void;
}) {
  const { data, error, refetch } = useQuery(BotQueueDocument, { variables: { kind: props.kind, first: 20, after: props.after } });
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading the queue…" />;
  const { nodes, pageInfo } = data.botQueue;
  return (
    <>
      {props.isFirst && nodes.length === 0 ? (
        <li>
          <EmptyState title={emptyText[props.kind]} />
        </li>
      ) : null}
      {nodes.map((item) => (
        <BotQueueRow key={item.threadId} item={item} onDecided={props.onDecided} />
      ))}
      {props.isLast ? <LoadMoreRow pageInfo={pageInfo} onLoadMore={props.onMore} /> : null}
    </>
  );
}

function BotQueueRow({ item, onDecided }: { item: QueueItem; onDecided: (decision: Decision) => void }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const selectId = useId();
  const { data: choices } = useQuery(AnswerChoicesDocument, { fetchPolicy: 'cache-first' });
  const suggestion = item.suggestion;
  // Nothing pre-selected: a hurried click must not teach the bot a guess.
  const [chosen, setChosen] = useState('');
  const rowRef = useRef<HTMLLIElement>(null);
  const { error, run } = useAction();
  const [confirm, { loading: confirming }] = useMutation(ConfirmSuggestionDocument);
  const [correct, { loading: correcting }] = useMutation(CorrectSuggestionDocument);
  const [dismiss, { loading: dismissing }] = useMutation(DismissSuggestionDocument);

  const earlierDecision = suggestion?.decidedBy ? staffDecisionText[suggestion.status] : undefined;
  const replaced =
    earlierDecision && suggestion?.decidedBy ? (
      <>
        {' '}
        It replaces <bdi>{suggestion.decidedBy.username}</bdi>’s decision.
      </>
    ) : null;

  const decidedHere = useQueueRowFocus(rowRef);

  function decide(action: () => Promise<unknown>, outcome: ReactNode) {
    const message = (
      <>
        {outcome}
        {replaced}
      </>
    );
    void run(async () => {
      await action();
      decidedHere.current = true;
      onDecided({ threadId: item.threadId, title: item.thread?.title ?? `Thread ${item.threadId}`, message });
      // And the staff page's tab counts, with or without the live socket (by name: the query is the app's, not this feature's).
      await client.refetchQueries({ include: [BotQueueDocument, BotStatsDocument, 'StaffQueueCounts'] });
    });
  }

  const thread = item.thread;
  const titles = new Map((choices?.canonicalAnswers ?? []).map((answer) => [answer.slug, answer.title]));
  const busy = confirming || correcting || dismissing;
  const ranked = (suggestion?.alternatives ?? []).filter((alternative) => titles.has(alternative.slug));
  const rankedSlugs = new Set(ranked.map((alternative) => alternative.slug));
  const others = (choices?.canonicalAnswers ?? []).filter((answer) => !rankedSlugs.has(answer.slug));
  // A retired answer is neither confirmed (the API refuses) nor offered as a reply.
  const suggested = suggestion?.answer && !suggestion.answer.retired ? suggestion.answer.slug : null;
  return (
    <li ref={rowRef} className="queue-item" data-testid={`queue-item-${item.threadId}`}>
      <div className="queue-item__head">
        {suggestion?.feedback === 'UNHELPFUL' ? <Badge tone="hidden">Asker: did not help</Badge> : null}
        {suggestion?.status === 'PENDING_REVIEW' ? <Badge tone="bot">Bot unsure</Badge> : null}
        {suggestion?.status === 'DISMISSED' ? <Badge tone="neutral">Dismissed</Badge> : null}
        {!suggestion ? <Badge tone="neutral">No suggestion</Badge> : null}
        {thread ? (
          <span className="muted">
            asked by <bdi>{thread.author.username}</bdi> <TimeAgo date={thread.createdAt} /> · {thread.replyCount}{' '}
            {thread.replyCount === 1 ? 'reply' : 'replies'}
          </span>
        ) : null}
      </div>
      {thread ? (
        <Link className="queue-item__title" {...threadLink(thread.id)}>
          {thread.title}
        </Link>
      ) : (
        <span className="queue-item__title">Thread {item.threadId} (hidden or removed)</span>
      )}
      {thread ? <p className="queue-item__excerpt">{thread.excerpt}</p> : null}
      {earlierDecision && suggestion?.decidedBy ? (
        <p className="queue-item__earlier" data-testid="earlier-decision">
          <bdi>{suggestion.decidedBy.username}</bdi> {earlierDecision} it{' '}
          {suggestion.decidedAt ? <TimeAgo date={suggestion.decidedAt} /> : null}. A decision here replaces theirs: the latest one wins.
        </p>
      ) : null}
      {suggestion ? (
        <div className="queue-item__suggestion">
          <p>
            <strong>Bot suggested:</strong>{' '}
            {suggestion.answer ? (
              <>
                <Link to={`/answers/${suggestion.answer.slug}`}>
                  <bdi>{suggestion.answer.title}</bdi>
                </Link>{' '}
                {pickedByAsker(suggestion)
                  ? `(picked by the asker of the two cases the bot asked about, ${Math.round(suggestion.confidence * 100)}% sure one of them fits)`
                  : `(${Math.round(suggestion.confidence * 100)}% sure)`}
                {suggestion.answer.retired ? ', since retired: pick another answer or dismiss' : null}
              </>
            ) : suggestion.clarify ? (
              <>asked “{suggestion.clarify.question}”</>
            ) : (
              'nothing that fits'
            )}
          </p>
          {suggestion.alternatives && suggestion.alternatives.length > 0 ? (
            <details>
              <summary>Why, and the alternatives</summary>
              <ul className="queue-item__alternatives">
                {suggestion.alternatives.map((alternative) => (
                  <li key={alternative.slug}>
                    <bdi>{titles.get(alternative.slug) ?? alternative.slug}</bdi> — {Math.round(alternative.confidence * 100)}%
                  </li>
                ))}
              </ul>
              {suggestion.explanation ? (
                <p className="muted">
                  Words: {suggestion.explanation.terms.join(', ') || '—'}. Signals: {suggestion.explanation.signals.join('; ') || '—'}.
                </p>
              ) : null}
            </details>
          ) : null}
        </div>
      ) : null}
      {
        <div className="queue-item__actions">
          {suggested && suggestion?.status !== 'UNHELPFUL' ? (
            <Button
              small
              variant="primary"
              busy={confirming}
              disabled={busy}
              onClick={() =>
                decide(
                  () => confirm({ variables: { threadId: item.threadId } }),
                  'Confirmed: the bot answer is posted and the bot learned the question.',
                )
              }
            >
              Confirm
            </Button>
          ) : null}
          <div className="queue-item__correct">
            {ranked.length > 0 ? (
              <p className="queue-item__ranking">
                Bot’s ranking:{' '}
                {ranked.map((alternative, index) => (
                  <Fragment key={alternative.slug}>
                    {index > 0 ? ' · ' : null}
                    <bdi>{titles.get(alternative.slug)}</bdi> {Math.round(alternative.confidence * 100)}%
                  </Fragment>
                ))}
              </p>
            ) : null}
            <label htmlFor={selectId} className="visually-hidden">
              The right canonical answer
            </label>
            <select id={selectId} className="input" value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">Choose…</option>
              {ranked.length > 0 ? (
                <optgroup label="Ranked by the bot">
                  {ranked.map((alternative) => (
                    <option key={alternative.slug} value={alternative.slug}>
                      {`${isolate(titles.get(alternative.slug) ?? alternative.slug)} (${Math.round(alternative.confidence * 100)}%${alternative.slug === suggestion?.answer?.slug ? ', its pick' : ''})`}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length > 0 ? (
                <optgroup label={ranked.length > 0 ? 'Other answers' : 'Canonical answers'}>
                  {others.map((answer) => (
                    <option key={answer.slug} value={answer.slug}>
                      {answer.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <Button
              small
              busy={correcting}
              disabled={busy || !chosen}
              onClick={() =>
                decide(
                  () => correct({ variables: { threadId: item.threadId, slug: chosen } }),
                  <>
                    Corrected: the bot now answers with “<bdi>{titles.get(chosen) ?? chosen}</bdi>”.
                  </>,
                )
              }
            >
              Correct
            </Button>
            <Button
              small
              disabled={!chosen && !suggested}
              onClick={() => void navigate(`/t/${item.threadId}?draft=${encodeURIComponent(chosen || suggested || '')}#reply`)}
            >
              Reply with it
            </Button>
          </div>
          {/* Also where the bot has not looked yet: the dismissal is then the decision, and the bot leaves the question alone. */}
          {suggestion?.status === 'DISMISSED' ? null : (
            <Button
              small
              variant="quiet"
              busy={dismissing}
              disabled={busy}
              onClick={() =>
                decide(
                  () => dismiss({ variables: { threadId: item.threadId } }),
                  'Dismissed: no canonical answer fits. It waits in “Dismissed, unanswered” for a staff reply.',
                )
              }
            >
              Dismiss
            </Button>
          )}
        </div>
      }
      <InlineError error={error} block />
    </li>
  );
}
