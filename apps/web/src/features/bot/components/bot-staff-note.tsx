import { Link } from 'react-router';
import { Notice } from '../../../components/status';
import type { BotSuggestionDetails } from './use-bot-suggestion';

const statusText: Record<BotSuggestionDetails['status'], string> = {
  Answered: 'answered publicly; waiting for the asker’s verdict',
  Clarifying: 'asked the asker a clarifying question',
  PendingReview: 'was unsure: the suggestion waits in the review queue',
  NoMatch: 'found no canonical answer that fits',
  Unhelpful: 'answered, but the asker said it did not help',
  ConfirmedByAsker: 'answered, and the asker confirmed it',
  ConfirmedByStaff: 'answered; a staff member confirmed it',
  Corrected: 'was corrected by a staff member',
  Dismissed: 'was dismissed by a staff member',
};

/** Staff see what the bot made of the question, even before it replies publicly. */
export function BotStaffNote({ suggestion }: { suggestion: BotSuggestionDetails }) {
  const needsStaff = suggestion.status === 'PendingReview' || suggestion.status === 'Unhelpful' || suggestion.status === 'NoMatch';
  return (
    <Notice tone={needsStaff ? 'warning' : 'info'}>
      <p>
        <strong>FAQ bot (staff view):</strong> {statusText[suggestion.status]}
        {suggestion.answer ? (
          <>
            {' — '}
            <Link to={`/answers/${suggestion.answer.slug}`}>{suggestion.answer.title}</Link> ({Math.round(suggestion.confidence * 100)}%
            sure)
          </>
        ) : null}
        .
      </p>
      {needsStaff ? (
        <Link className="button button--small" to="/staff">
          Open the review queue
        </Link>
      ) : null}
    </Notice>
  );
}
