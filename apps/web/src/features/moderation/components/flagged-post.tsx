import { Link } from 'react-router';
import type { FlagFieldsFragment } from '../../../gql/graphql';
import { threadLink } from '../../../lib/thread-link';

/** The flagged post in a row of flags: its thread's title, linking to the post while it exists, the reason, its start. */
export function FlaggedPost({ flag }: { flag: FlagFieldsFragment }) {
  return (
    <>
      {flag.threadId ? (
        <Link className="queue-item__title" {...threadLink(flag.threadId, flag.postType === 'REPLY' ? flag.postId : null)}>
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
