import { graphql } from '../../../gql';

export const FlagPostDocument = graphql(`
  mutation FlagPost($postType: PostType!, $postId: ID!, $reason: String!) {
    flagPost(postType: $postType, postId: $postId, reason: $reason) {
      id
      status
    }
  }
`);

export const HidePostDocument = graphql(`
  mutation HidePost($postType: PostType!, $postId: ID!, $reason: String) {
    hidePost(postType: $postType, postId: $postId, reason: $reason) {
      id
    }
  }
`);

export const RestorePostDocument = graphql(`
  mutation RestorePost($postType: PostType!, $postId: ID!, $reason: String) {
    restorePost(postType: $postType, postId: $postId, reason: $reason) {
      id
    }
  }
`);

export const LockThreadDocument = graphql(`
  mutation LockThread($threadId: ID!, $reason: String) {
    lockThread(threadId: $threadId, reason: $reason) {
      id
    }
  }
`);

export const UnlockThreadDocument = graphql(`
  mutation UnlockThread($threadId: ID!, $reason: String) {
    unlockThread(threadId: $threadId, reason: $reason) {
      id
    }
  }
`);

/** A flagged post as staff see it, in the open flags and in the log of what was done about it. */
export const FlagFieldsFragment = graphql(`
  fragment FlagFields on Flag {
    id
    postType
    postId
    threadId
    threadTitle
    excerpt
    reason
  }
`);

export const OpenFlagsDocument = graphql(`
  query OpenFlags($first: Int!, $after: String) {
    openFlags(first: $first, after: $after) {
      nodes {
        ...FlagFields
        createdAt
        reporter {
          id
          username
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ResolveFlagDocument = graphql(`
  mutation ResolveFlag($flagId: ID!, $note: String) {
    resolveFlag(flagId: $flagId, note: $note) {
      id
      status
    }
  }
`);

export const ModerationLogDocument = graphql(`
  query ModerationLog($first: Int!, $after: String) {
    moderationLog(first: $first, after: $after) {
      nodes {
        id
        action
        targetType
        targetId
        note
        acceptance
        createdAt
        actor {
          id
          username
        }
        thread {
          id
          title
        }
        targetUser {
          id
          username
        }
        flag {
          ...FlagFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const FlagCountsFieldsFragment = graphql(`
  fragment FlagCountsFields on FlagCounts {
    open
    postHidden
    dismissed
  }
`);

/** Staff: a member's flags in numbers, for their profile. */
export const MemberFlagCountsDocument = graphql(`
  query MemberFlagCounts($username: String!) {
    user(username: $username) {
      id
      flagCounts {
        received {
          ...FlagCountsFields
        }
        raised {
          ...FlagCountsFields
        }
      }
    }
  }
`);

/** A flag in a member's moderation history: the flagged post, its state, who raised it and who wrote the post. */
export const MemberFlagFieldsFragment = graphql(`
  fragment MemberFlagFields on Flag {
    ...FlagFields
    status
    resolution
    createdAt
    reporter {
      id
      username
    }
    postAuthor {
      id
      username
    }
  }
`);

/** Staff: the flags on a member's posts, newest first, a page at a time. */
export const MemberFlagsReceivedDocument = graphql(`
  query MemberFlagsReceived($username: String!, $first: Int!, $after: String) {
    user(username: $username) {
      id
      flagsReceived(first: $first, after: $after) {
        nodes {
          ...MemberFlagFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Staff: the flags a member raised on others' posts, newest first, a page at a time. */
export const MemberFlagsRaisedDocument = graphql(`
  query MemberFlagsRaised($username: String!, $first: Int!, $after: String) {
    user(username: $username) {
      id
      flagsRaised(first: $first, after: $after) {
        nodes {
          ...MemberFlagFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
