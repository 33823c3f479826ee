import { graphql } from '../../../gql';

export const ForumActivityDocument = graphql(`
  subscription ForumActivity {
    forumActivity {
      threadId
      lastActivityAt
    }
  }
`);

export const ThreadActivityDocument = graphql(`
  subscription ThreadActivity($threadId: ID!) {
    threadActivity(threadId: $threadId) {
      kind
      threadId
      replyId
      at
    }
  }
`);
