import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useElementWidth } from '../../../lib/use-element-width';
import { ErrorMessage, Spinner } from '../../../components/status';
import type { BotStatCountsFieldsFragment } from '../../../gql/graphql';
import { BotStatsDocument } from '../api/bot-review-documents';

type Counts = BotStatCountsFieldsFragment;

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

/** The headline numbers, for the top of the dashboard. */
export function BotStatsSummary({ days = 30 }: { days?: number }) {
  const { data, error, refetch } = useQuery(BotStatsDocument, { variables: { days } });
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading bot statistics…" />;
  // What waits for staff now is in the queue tabs below, counted live by the queues' own rules: not repeated here.
  const { totals } = data.botStats;
  return (
    <dl className="stat-grid" aria-label={`FAQ bot, last ${days} days`}>
      <Stat label="Questions seen" value={totals.questionsPosted} />
      <Stat label="Answered by the bot" value={totals.botAnswers} />
      <Stat label="Confirmed by asker" value={totals.confirmedByAsker} testId="stat-confirmed-by-asker" />
      <Stat label="Confirmed by staff" value={totals.confirmedByStaff} />
      <Stat label="Resolved while typing" value={totals.deflections} />
    </dl>
  );
}

function Stat({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function BotStatsReport({ days }: { days: number }) {
  const { data, error, refetch } = useQuery(BotStatsDocument, { variables: { days } });
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading bot statistics…" />;
  const { totals, perDay, perAnswer } = data.botStats;
  return (
    <div className="stack">
      <dl className="stat-grid">
        <Stat label="Questions seen" value={totals.questionsPosted} />
        <Stat label="Answered by the bot" value={totals.botAnswers} />
        <Stat label="Clarifying questions" value={totals.clarifications} />
        <Stat label="Confirmed resolutions" value={totals.confirmedResolutions} />
        {/* Resolutions also count answers posted after a staff correction, which botAnswers leaves out. */}
        <Stat label="Resolution rate" value={percent(totals.confirmedResolutions, totals.botAnswers + totals.corrected)} />
        <Stat label="Unhelpful" value={totals.unhelpfulVotes} />
        <Stat label="Corrected by staff" value={totals.corrected} />
        <Stat label="Dismissed" value={totals.dismissed} />
        <Stat label="Useful votes" value={totals.usefulVotes} />
        <Stat label="Resolved while typing" value={totals.deflections} />
        <Stat label="Sent to review" value={totals.pendingReviews} />
      </dl>
      <section className="card">
        <h2>Per day</h2>
        <DayChart days={perDay} />
      </section>
      <section className="card">
        <h2>Per canonical answer</h2>
        {perAnswer.length === 0 ? (
          <p className="muted">No answer had any activity in this period.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col">Answered by the bot</th>
                  <th scope="col">Confirmed</th>
                  <th scope="col">Unhelpful</th>
                  <th scope="col">Corrected</th>
                  <th scope="col">While typing</th>
                </tr>
              </thead>
              <tbody>
                {perAnswer.map(({ answer, counts }) => (
                  <tr key={answer.id}>
                    <th scope="row">
                      <Link to={`/staff/answers/${answer.slug}`}>
                        <bdi>{answer.title}</bdi>
                      </Link>
                      {answer.retired ? <span className="muted"> (retired)</span> : null}
                    </th>
                    <td>{counts.botAnswers}</td>
                    <td>{counts.confirmedResolutions}</td>
                    <td>{counts.unhelpfulVotes}</td>
                    <td>{counts.corrected}</td>
                    <td>{counts.deflections}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

const series: { key: keyof Counts; label: string; className: string }[] = [
  { key: 'botAnswers', label: 'Answered by the bot', className: 'chart__bar--answers' },
  { key: 'confirmedResolutions', label: 'Confirmed', className: 'chart__bar--confirmed' },
  { key: 'deflections', label: 'Resolved while typing', className: 'chart__bar--deflections' },
];

/**
 * Grouped bars per day, drawn as inline SVG at the width it is shown (one user unit = one CSS pixel), so the
 * labels keep their size on a phone; a table with the same numbers is there for screen readers.
 */
function DayChart({ days }: { days: readonly { day: string; counts: Counts }[] }) {
  const [figure, measured] = useElementWidth<HTMLElement>();
  const max = Math.max(1, ...days.flatMap((day) => series.map((item) => day.counts[item.key] as number)));
  const width = measured ?? 720;
  const height = width < 480 ? 180 : 200;
  const padding = { top: 10, bottom: 24, left: 28 };
  // A date label needs about 48 px.
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor((width - padding.left) / 48))));
  const slot = (width - padding.left) / Math.max(days.length, 1);
  const barWidth = Math.max(1, (slot - 2) / series.length);
  const scale = (value: number) => ((height - padding.top - padding.bottom) * value) / max;
  return (
    <figure className="chart" ref={figure}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Questions answered by the bot, confirmations and questions resolved while typing, per day"
      >
        <line x1={padding.left} x2={width} y1={height - padding.bottom} y2={height - padding.bottom} className="chart__axis" />
        <text x={padding.left - 6} y={padding.top + 8} className="chart__label" textAnchor="end">
          {max}
        </text>
        <text x={padding.left - 6} y={height - padding.bottom} className="chart__label" textAnchor="end">
          0
        </text>
        {days.map((day, index) => {
          const x = padding.left + index * slot + 1;
          return (
            <g key={day.day}>
              <title>
                {day.day}: {series.map((item) => `${item.label} ${day.counts[item.key]}`).join(', ')}
              </title>
              {series.map((item, seriesIndex) => {
                const value = day.counts[item.key] as number;
                const barHeight = scale(value);
                return (
                  <rect
                    key={item.key}
                    className={`chart__bar ${item.className}`}
                    x={x + seriesIndex * barWidth}
                    y={height - padding.bottom - barHeight}
                    width={barWidth}
                    height={barHeight}
                  />
                );
              })}
              {index % labelEvery === 0 ? (
                <text x={x} y={height - 8} className="chart__label">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((item) => (
          <span key={item.key}>
            <span className={`chart__swatch ${item.className}`} aria-hidden="true" /> {item.label}
          </span>
        ))}
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>Per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((item) => (
                <th key={item.key} scope="col">
                  {item.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                {series.map((item) => (
                  <td key={item.key}>{day.counts[item.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
