import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { threadLink } from '../lib/thread-link';
import { Button } from './button';

/**
 * One example question the bot learns from, in a staff list: its text, where it came from (`source`),
 * a link to its thread if it has one, and the button that takes it out.
 */
export function ExampleItem(props: {
  text: string;
  source: ReactNode;
  threadId: string | null | undefined;
  /** The button's text, and its accessible name with the example's text after a colon. */
  removeLabel: string;
  removeName: string;
  removing: boolean;
  onRemove: () => void;
}) {
  return (
    <li className="example">
      <span className="example__text">{props.text}</span>
      <span className="example__meta muted">
        {props.source}
        {props.threadId ? (
          <>
            {' · '}
            <Link {...threadLink(props.threadId)}>thread</Link>
          </>
        ) : null}
      </span>
      <Button small variant="danger" busy={props.removing} onClick={props.onRemove} aria-label={`${props.removeName}: ${props.text}`}>
        {props.removeLabel}
      </Button>
    </li>
  );
}
