import { staffQueueParam } from '#web-pages';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useParams, useSearchParams } from 'react-router';
import { Notice, Spinner } from '../../components/status';
import { CanonicalAnswerEditor } from '../../features/canonical-answers/components/answer-editor';
import { CanonicalAnswerList } from '../../features/canonical-answers/components/answer-list';
import { ModerationLog } from '../../features/moderation/components/moderation-log';
import { OpenFlagsQueue } from '../../features/moderation/components/open-flags-queue';
import { BotQueue } from '../../features/bot/components/bot-queue';
import { BotStatsReport, BotStatsSummary } from '../../features/bot/components/bot-stats';
import { LearnedExamples } from '../../features/bot/components/learned-examples';
import type { BotQueueKind, StaffQueueCountsQuery } from '../../gql/graphql';
import { twoFactorRequiredMessage } from '../../lib/graphql-errors';
import { onTabListKeyDown } from '../../lib/tab-list-keys';
import { useCountRiseAnnouncement } from '../../lib/use-count-rise-announcement';
import { usePageTitle } from '../../lib/use-page-title';
import { useViewer } from '../../lib/viewer';
import { securityPath } from '../paths';
import { StaffQueueCountsDocument, useStaffQueueUpdates } from '../staff-queue-updates';
import { PageHeading } from '../../components/page-heading';

/** Staff only: a visitor is sent to sign in, a member told the page is not for them (the API refuses them anyway). */
export function StaffRoute() {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Spinner />;
  // Back to the staff page asked for (a queue, an answer) once signed in.
  if (!viewer) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!viewer.isStaff) return <StaffOnlyNotice />;
  if (!viewer.twoFactorEnabled) {
    return (
      <div className="staff stack">
        <PageHeading>Staff dashboard</PageHeading>
        <Notice tone="warning">
          <p>
            <strong>{twoFactorRequiredMessage}</strong> Staff accounts can hide posts and answer for the forum, so they sign in with a code
            as well as a password.
          </p>
          <p>
            <Link to={securityPath}>Turn on two-factor sign-in</Link>
          </p>
        </Notice>
      </div>
    );
  }
  return <StaffDashboard />;
}

/** Only once the viewer has staff powers: the API refuses the live queue updates to anyone else. */
function StaffDashboard() {
  useStaffQueueUpdates();
  return (
    <div className="staff">
      <PageHeading>Staff dashboard</PageHeading>
      <nav className="tabs" aria-label="Staff sections">
        <NavLink to="/staff" end>
          Queues
        </NavLink>
        <NavLink to="/staff/answers">Canonical answers</NavLink>
        <NavLink to="/staff/learned">Learned</NavLink>
        <NavLink to="/staff/stats">Statistics</NavLink>
        <NavLink to="/staff/log">Moderation log</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

function StaffOnlyNotice() {
  usePageTitle('For staff only');
  return (
    <section className="card">
      <PageHeading>This page is for staff</PageHeading>
      <p>
        Only staff members can open the staff dashboard. <Link to="/">Back to the questions</Link>
      </p>
    </section>
  );
}

type QueueId = BotQueueKind | 'flags';

const queues: { id: QueueId; label: string; description: string }[] = [
  {
    id: 'PENDING',
    label: 'Pending suggestions',
    description: 'The bot was not sure enough to answer publicly. Confirm its suggestion, pick the right answer, or dismiss it.',
  },
  {
    id: 'UNHELPFUL',
    label: 'Unhelpful bot answers',
    description: 'The asker said the bot’s answer did not help. Pick a better answer or reply yourself.',
  },
  {
    id: 'NO_SUGGESTION',
    label: 'Without an answer',
    description: 'Open questions with no reply and nothing from the bot. Pick the right answer, reply yourself, or dismiss them.',
  },
  {
    id: 'DISMISSED',
    label: 'Dismissed, unanswered',
    description:
      'Staff decided no canonical answer fits, and no staff member has answered yet. Reply yourself, or pick an answer after all.',
  },
  { id: 'flags', label: 'Open flags', description: 'Posts members reported.' },
];

/** How many wait in a queue; undefined until the counts are read (or if reading them failed). */
function countOf(counts: StaffQueueCountsQuery | undefined, id: QueueId): number | undefined {
  if (!counts) return undefined;
  const { botQueueCounts: bot, openFlagCount } = counts;
  const byQueue: Record<QueueId, number> = {
    PENDING: bot.pending,
    UNHELPFUL: bot.unhelpful,
    NO_SUGGESTION: bot.noSuggestion,
    DISMISSED: bot.dismissed,
    flags: openFlagCount,
  };
  return byQueue[id];
}

function describeRise(id: QueueId, added: number): string {
  if (id === 'flags') return added === 1 ? '1 new flag' : `${added} new flags`;
  return added === 1 ? '1 new question in this queue' : `${added} new questions in this queue`;
}

export function StaffQueuesRoute() {
  usePageTitle('Staff dashboard');
  const [params, setParams] = useSearchParams();
  const current = queues.find((queue) => queue.id === params.get(staffQueueParam)) ?? queues[0];
  // Read again with the queues as they change (useStaffQueueUpdates) and after each decision made on this page (by this
  // query's name); a failed read leaves the tabs without counts.
  const { data: counts } = useQuery(StaffQueueCountsDocument);
  // From the count, not the rows on screen: a question that joins past the first page is told of too.
  const announcement = useCountRiseAnnouncement(current.id, countOf(counts, current.id), (added) => describeRise(current.id, added));
  return (
    <div className="stack">
      <BotStatsSummary />
      <div className="queue-tabs" role="tablist" aria-label="Queues" onKeyDown={onTabListKeyDown}>
        {queues.map((queue) => {
          const count = countOf(counts, queue.id);
          return (
            <button
              key={queue.id}
              type="button"
              role="tab"
              id={`queue-tab-${queue.id}`}
              aria-selected={queue.id === current.id}
              tabIndex={queue.id === current.id ? 0 : -1}
              aria-controls="queue-panel"
              // "Pending suggestions, 3": a screen reader pauses before the count. The visible text, "Pending suggestions 3"
              // (mind the space), stays part of the name, as voice control users say what they see.
              aria-label={count === undefined ? undefined : `${queue.label}, ${count}`}
              onClick={() => setParams(queue.id === 'PENDING' ? {} : { [staffQueueParam]: queue.id }, { replace: true })}
            >
              {queue.label}
              {count === undefined ? null : (
                <>
                  {' '}
                  <span className={`queue-tabs__count${count > 0 ? ' queue-tabs__count--waiting' : ''}`}>{count}</span>
                </>
              )}
            </button>
          );
        })}
      </div>
      <p className="visually-hidden" role="status" data-testid="queue-announcement">
        {announcement}
      </p>
      <section id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${current.id}`}>
        <p className="muted">{current.description}</p>
        {current.id === 'flags' ? <OpenFlagsQueue /> : <BotQueue key={current.id} kind={current.id} />}
      </section>
    </div>
  );
}

export function StaffAnswersRoute() {
  usePageTitle('Canonical answers');
  return <CanonicalAnswerList />;
}

export function StaffAnswerRoute() {
  const { slug = '' } = useParams();
  return <CanonicalAnswerEditor key={slug} slug={slug} />;
}

export function StaffLearnedRoute() {
  usePageTitle('Learned from staff');
  return <LearnedExamples />;
}

export function StaffStatsRoute() {
  usePageTitle('Bot statistics');
  const [days, setDays] = useState(30);
  return (
    <div className="stack">
      <div className="row">
        <label htmlFor="stats-days">Period</label>
        <select id="stats-days" className="input" value={days} onChange={(event) => setDays(Number(event.target.value))}>
          <option value={7}>Last 7 days</option>
          <option value={30}>Last 30 days</option>
          <option value={90}>Last 90 days</option>
          <option value={365}>Last year</option>
        </select>
      </div>
      <BotStatsReport days={days} />
    </div>
  );
}

export function StaffModerationLogRoute() {
  usePageTitle('Moderation log');
  return (
    <div className="stack">
      <p className="muted">Every hide, restore, lock, dismissed flag and role change, newest first.</p>
      <ModerationLog />
    </div>
  );
}
