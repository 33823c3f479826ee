import { graphql } from '../gql';
import type { ThreadBadgesFieldsFragment } from '../gql/graphql';
import { Badge, StatusBadge } from './badge';

export const ThreadBadgesFields = graphql(`
  fragment ThreadBadgesFields on Thread {
    status
    botAwaitsAsker
    hidden
  }
`);

/** A question's badges, as every list of questions shows them: its state, a bot answer awaiting the asker, hidden. */
export function ThreadBadges({ thread }: { thread: ThreadBadgesFieldsFragment }) {
  return (
    <>
      <StatusBadge status={thread.status} />
      {thread.botAwaitsAsker ? (
        <Badge tone="bot" title="The FAQ bot answered; the person who asked has not said yet whether it solved the problem.">
          Automated answer · awaiting the asker
        </Badge>
      ) : null}
      {thread.hidden ? <Badge tone="hidden">Hidden</Badge> : null}
    </>
  );
}
