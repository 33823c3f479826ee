import type { ReactNode } from 'react';

type Tone = 'staff' | 'bot' | 'accepted' | 'locked' | 'hidden' | 'neutral' | 'answered' | 'open';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
