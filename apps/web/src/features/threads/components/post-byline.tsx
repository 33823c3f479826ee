import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { TimeAgo } from '../../../components/time-ago';
import type { PostType } from '../../../gql/graphql';
import { EditedMarker } from './revision-history';

interface PostBylineProps {
  author: { username: string; isStaff: boolean; isBot: boolean };
  /** Staff answers keep their badge even if the author's role changes later. */
  staffAnswer: boolean;
  createdAt: string;
  edited: boolean;
  editedAt: string | null;
  postType: PostType;
  postId: string;
  verb: string;
}

export function PostByline({ author, staffAnswer, createdAt, edited, editedAt, postType, postId, verb }: PostBylineProps) {
  return (
    <div className="byline">
      <span className={`avatar${author.isBot ? ' avatar--bot' : staffAnswer ? ' avatar--staff' : ''}`} aria-hidden="true">
        {author.isBot ? '⚙' : author.username.slice(0, 1).toUpperCase()}
      </span>
      <span className="byline__text">
        {author.isBot ? (
          <strong>FAQ bot</strong>
        ) : (
          <Link className="byline__author" to={`/u/${encodeURIComponent(author.username)}`}>
            <bdi>{author.username}</bdi>
          </Link>
        )}{' '}
        {staffAnswer ? (
          <Badge tone="staff" title="A member of the support team">
            Staff
          </Badge>
        ) : null}
        {author.isBot ? (
          <Badge tone="bot" title="Written automatically from a staff-reviewed answer">
            Automated answer
          </Badge>
        ) : null}{' '}
        <span className="byline__when">
          {verb} <TimeAgo date={createdAt} />
          {edited ? (
            <>
              {' · '}
              <EditedMarker postType={postType} postId={postId} editedAt={editedAt} />
            </>
          ) : null}
        </span>
      </span>
    </div>
  );
}
