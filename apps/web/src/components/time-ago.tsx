import { fullDate, timeAgo } from '../lib/format-time';

export function TimeAgo({ date }: { date: string }) {
  return (
    <time dateTime={date} title={fullDate(date)}>
      {timeAgo(date)}
    </time>
  );
}
