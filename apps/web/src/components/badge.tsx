import type { ReactNode } from 'react';
import type { ThreadStatus } from '../gql/graphql';

type Tone = 'staff' | 'bot' | 'accepted' | 'locked' | 'hidden' | 'neutral' | 'answered' | 'open';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A question's state, as every list of questions shows it. */
export function StatusBadge({ status }: { status: ThreadStatus }) {
  if (status === 'ANSWERED') return <Badge tone="answered">✓ Answered</Badge>;
  if (status === 'LOCKED') return <Badge tone="locked">Locked</Badge>;
  return <Badge tone="open">Open</Badge>;
}
