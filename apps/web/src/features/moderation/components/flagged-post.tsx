import { Link } from 'react-router';
import type { FlagFieldsFragment } from '../../../gql/graphql';

/** The flagged post in a row of flags: its thread's title, linking to the post while it exists, the reason, its start. */
export function FlaggedPost({ flag }: { flag: FlagFieldsFragment }) {
  const link = flag.threadId ? `/t/${flag.threadId}${flag.postType === 'REPLY' ? `#reply-${flag.postId}` : ''}` : null;
  return (
    <>
      {link ? (
        <Link className="queue-item__title" to={link}>
          {flag.threadTitle ?? 'Untitled'}
        </Link>
      ) : (
        <span className="queue-item__title">The post no longer exists</span>
      )}
      <p className="queue-item__reason">
        <strong>Reason:</strong> <bdi>{flag.reason}</bdi>
      </p>
      {flag.excerpt ? <blockquote className="queue-item__excerpt">{flag.excerpt}</blockquote> : null}
    </>
  );
}
