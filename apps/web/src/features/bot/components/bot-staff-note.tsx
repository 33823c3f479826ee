import { Link } from 'react-router';
import { Notice } from '../../../components/status';
import type { BotSuggestionDetails } from './use-bot-suggestion';

const statusText: Record<BotSuggestionDetails['status'], string> = {
  ANSWERED: 'answered publicly; waiting for the asker’s verdict',
  CLARIFYING: 'asked the asker a clarifying question',
  PENDING_REVIEW: 'was unsure: the suggestion waits in the review queue',
  NO_MATCH: 'found no canonical answer that fits',
  UNHELPFUL: 'answered, but the asker said it did not help',
  CONFIRMED_BY_ASKER: 'answered, and the asker confirmed it',
  CONFIRMED_BY_STAFF: 'answered; a staff member confirmed it',
  CORRECTED: 'was corrected by a staff member',
  DISMISSED: 'was dismissed by a staff member: the question waits for a person to answer',
};

/** The staff queue each status that needs staff waits in. */
const queuePath: Partial<Record<BotSuggestionDetails['status'], string>> = {
  PENDING_REVIEW: '/staff',
  UNHELPFUL: '/staff?queue=UNHELPFUL',
  NO_MATCH: '/staff?queue=NO_SUGGESTION',
  DISMISSED: '/staff?queue=DISMISSED',
};

/** Staff see what the bot made of the question, even before it replies publicly. */
export function BotStaffNote({ suggestion }: { suggestion: BotSuggestionDetails }) {
  const queue = queuePath[suggestion.status];
  const needsStaff = queue !== undefined;
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
      {queue ? (
        <Link className="button button--small" to={queue}>
          Open the review queue
        </Link>
      ) : null}
    </Notice>
  );
}
