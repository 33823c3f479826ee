import { graphql } from '../../../gql';

export const ForumActivityDocument = graphql(`
  subscription ForumActivity {
    forumActivity {
      threadId
      lastActivityAt
      visibilityChanged
      listing {
        authorId
        tags
        answered
      }
    }
  }
`);

/** Carries the change itself, so that the page updates its cache instead of reading the thread again. */
export const ThreadActivityDocument = graphql(`
  subscription ThreadActivity($threadId: ID!) {
    threadActivity(threadId: $threadId) {
      kind
      threadId
      replyId
      at
      byYou
      reply {
        ...ReplyFields
      }
      question {
        id
        title
        body
        bodyHtml
        tags
        edited
        editedAt
        version
        viewerCanEdit
      }
      state {
        status
        locked
      }
    }
  }
`);
