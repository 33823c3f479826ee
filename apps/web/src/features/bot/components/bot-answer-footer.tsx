import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { InlineError, Notice } from '../../../components/status';
import { focusPostOf } from '../../../lib/focus-post-of';
import { useAction } from '../../../lib/use-action';
import { MarkBotAnswerHelpfulDocument, MarkBotAnswerUnhelpfulDocument, VoteBotAnswerUsefulDocument } from '../api/bot-documents';
import { settledSentence, type BotSuggestionDetails, type ThreadSettled } from './use-bot-suggestion';

interface BotAnswerFooterProps {
  suggestion: BotSuggestionDetails;
  isAsker: boolean;
  signedIn: boolean;
  /** What else settled the thread (an accepted answer, a staff reply, a lock): the footer follows it. */
  settled: ThreadSettled;
  /** Called after the asker answers, so the page can show the accepted answer. */
  onDecided: () => void;
}

/** Under the bot's reply: where the answer comes from, and "Did this solve it?" for the asker. */
export function BotAnswerFooter({ suggestion, isAsker, signedIn, settled, onDecided }: BotAnswerFooterProps) {
  const [helpful, { loading: markingHelpful }] = useMutation(MarkBotAnswerHelpfulDocument);
  const [unhelpful, { loading: markingUnhelpful }] = useMutation(MarkBotAnswerUnhelpfulDocument);
  const [vote, { loading: voting }] = useMutation(VoteBotAnswerUsefulDocument);
  const [voted, setVoted] = useState(false);
  const { error, run } = useAction();

  const variables = { threadId: suggestion.threadId };
  const awaitingVerdict =
    suggestion.feedback === null &&
    (suggestion.status === 'ANSWERED' || suggestion.status === 'CONFIRMED_BY_STAFF' || suggestion.status === 'CORRECTED');
  // After a staff reply the asker can still tell the bot whether its answer did it; an accepted answer or a lock ends that.
  const askVerdict = isAsker && awaitingVerdict && (settled === null || settled === 'staff-replied');
  return (
    <div className="bot-footer">
      {awaitingVerdict && settled ? <p className="muted bot-footer__state">{settledSentence(settled)}</p> : null}
      {askVerdict ? (
        <div className="bot-feedback" role="group" aria-labelledby={`bot-feedback-${suggestion.id}`}>
          <p id={`bot-feedback-${suggestion.id}`} className="bot-feedback__question">
            Did this solve it?
          </p>
          <div className="row">
            <Button
              variant="primary"
              small
              busy={markingHelpful}
              disabled={markingUnhelpful}
              onClick={(event) => {
                const focusReply = focusPostOf(event.currentTarget);
                void run(async () => {
                  await helpful({ variables });
                  onDecided();
                  focusReply();
                });
              }}
            >
              Yes, this solved it
            </Button>
            <Button
              small
              busy={markingUnhelpful}
              disabled={markingHelpful}
              onClick={(event) => {
                const focusReply = focusPostOf(event.currentTarget);
                void run(async () => {
                  await unhelpful({ variables });
                  onDecided();
                  focusReply();
                });
              }}
            >
              No, I still need help
            </Button>
          </div>
        </div>
      ) : null}
      {suggestion.feedback === 'HELPFUL' ? (
        <Notice tone="success">{isAsker ? 'You said this solved it. Glad it helped!' : 'The person who asked said this solved it.'}</Notice>
      ) : null}
      {suggestion.feedback === 'UNHELPFUL' ? (
        <Notice>
          {isAsker ? 'Thanks for telling us.' : 'The person who asked said this did not solve it.'}{' '}
          {settled ? settledSentence(settled) : isAsker ? 'A staff member will take a look and reply here.' : 'Staff will take a look.'}
        </Notice>
      ) : null}
      {!isAsker && signedIn && suggestion.feedback !== 'UNHELPFUL' ? (
        <div className="row bot-footer__vote">
          {/* A locked thread's votes are closed; its count stays. */}
          {settled === 'locked' ? null : (
            <Button
              small
              variant="quiet"
              busy={voting}
              disabled={voted}
              onClick={() =>
                void run(async () => {
                  await vote({ variables });
                  setVoted(true);
                })
              }
            >
              {voted ? 'Thanks!' : 'This was useful to me'}
            </Button>
          )}
          {suggestion.usefulVotes > 0 ? (
            <span className="muted">
              {suggestion.usefulVotes} {suggestion.usefulVotes === 1 ? 'reader' : 'readers'} found this useful
            </span>
          ) : null}
        </div>
      ) : null}
      <InlineError error={error} block />
    </div>
  );
}
