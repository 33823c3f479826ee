import { staffQueuePath } from '#web-pages';
import { Link } from 'react-router';
import type { BotQueueKind } from '../../../gql/graphql';
import { Notice } from '../../../components/status';
import { pickedByAsker, settledSentence, type BotSuggestionDetails, type ThreadSettled } from './use-bot-suggestion';

const statusText: Record<BotSuggestionDetails['status'], string> = {
  ANSWERED: 'answered publicly; waiting for the asker’s verdict',
  CLARIFYING: 'asked the asker a clarifying question',
  PENDING_REVIEW: 'was unsure, so it did not answer publicly',
  NO_MATCH: 'found no canonical answer that fits',
  UNHELPFUL: 'answered, but the asker said it did not help',
  CONFIRMED_BY_ASKER: 'answered, and the asker confirmed it',
  CONFIRMED_BY_STAFF: 'answered; a staff member confirmed it',
  CORRECTED: 'was corrected by a staff member',
  DISMISSED: 'was dismissed by a staff member',
};

/** The staff queue each status that needs staff waits in. */
const queuePath: Partial<Record<BotSuggestionDetails['status'], string>> = {
  // The queues page opens on PENDING.
  PENDING_REVIEW: staffQueuePath(),
  UNHELPFUL: staffQueuePath('UNHELPFUL' satisfies BotQueueKind),
  NO_MATCH: staffQueuePath('NO_SUGGESTION' satisfies BotQueueKind),
  DISMISSED: staffQueuePath('DISMISSED' satisfies BotQueueKind),
};

/**
 * Staff see what the bot made of the question, even before it replies publicly, and whether it still waits in a staff
 * queue: the queues keep no settled question (accepted answer, staff answer, locked), nor a replied one among those the
 * bot found nothing for.
 */
export function BotStaffNote({
  suggestion,
  settled,
  unreplied,
}: {
  suggestion: BotSuggestionDetails;
  settled: ThreadSettled;
  unreplied: boolean;
}) {
  const queue = queuePath[suggestion.status];
  const leftBy = settled ? settledSentence(settled) : suggestion.status === 'NO_MATCH' && !unreplied ? 'Someone has replied.' : null;
  const waiting = queue !== undefined && leftBy === null;
  const percent = Math.round(suggestion.confidence * 100);
  // A correction replaces the answer but keeps the bot's confidence, which was in its own pick, not in this one; so
  // does the asker's pick after a clarifying question.
  const corrected = suggestion.status === 'CORRECTED';
  const picked = pickedByAsker(suggestion);
  return (
    <Notice tone={waiting ? 'warning' : 'info'}>
      <p>
        <strong>FAQ bot (staff view):</strong> {statusText[suggestion.status]}
        {suggestion.answer ? (
          <>
            {' — '}
            <Link to={`/answers/${suggestion.answer.slug}`}>
              <bdi>{suggestion.answer.title}</bdi>
            </Link>
            {corrected || picked ? null : ` (${percent}% sure)`}
          </>
        ) : null}
        .{corrected ? ` ${correctedConfidence(suggestion, percent)}` : null}
        {picked ? ` The asker picked it of the two cases the bot asked about; the bot was ${percent}% sure that one of them fits.` : null}
        {waiting ? ' The question waits for staff in a review queue.' : null}
        {queue && leftBy ? ` ${leftBy} It no longer waits in a staff queue.` : null}
      </p>
      {waiting ? (
        <Link className="button button--small" to={queue}>
          Open the review queue
        </Link>
      ) : null}
    </Notice>
  );
}

/** What the bot's confidence on a corrected question was about: its own best guess, or the two cases it asked about. */
function correctedConfidence(suggestion: BotSuggestionDetails, percent: number): string {
  return suggestion.clarify
    ? `The bot was ${percent}% sure that one of the two cases it asked about fits.`
    : `The bot was ${percent}% sure of its own best guess.`;
}
