import { graphql } from '../../../gql';

export const ReplyFieldsFragment = graphql(`
  fragment ReplyFields on Reply {
    id
    threadId
    bodyHtml
    body
    isStaffAnswer
    isAccepted
    hidden
    edited
    editedAt
    version
    createdAt
    viewerCanEdit
    impostorWarning
    author {
      id
      username
      isStaff
      isBot
    }
  }
`);

/**
 * A reply as the thread page lists it: with what only the page's own reads carry, not the live events (which would
 * read it again for every subscriber) nor the mutations' answers.
 */
export const ListedReplyFieldsFragment = graphql(`
  fragment ListedReplyFields on Reply {
    ...ReplyFields
    viewerFlagged
  }
`);

export const ThreadPageDocument = graphql(`
  query ThreadPage($id: ID!, $first: Int!, $around: ID) {
    thread(id: $id) {
      id
      title
      processing
      body
      bodyHtml
      status
      locked
      hidden
      replyCount
      hiddenReplyCount
      edited
      editedAt
      version
      createdAt
      lastActivityAt
      tags
      viewerCanEdit
      viewerFlagged
      author {
        id
        username
        isStaff
        isBot
      }
      acceptedReply {
        id
        author {
          id
          username
          isStaff
          isBot
        }
      }
      replies(first: $first, around: $around) {
        nodes {
          ...ListedReplyFields
        }
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

export const ThreadRepliesDocument = graphql(`
  query ThreadReplies($id: ID!, $first: Int!, $after: String, $before: String) {
    thread(id: $id) {
      id
      replies(first: $first, after: $after, before: $before) {
        nodes {
          ...ListedReplyFields
        }
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

export const ReplyToThreadDocument = graphql(`
  mutation ReplyToThread($threadId: ID!, $body: String!) {
    replyToThread(threadId: $threadId, body: $body) {
      ...ReplyFields
    }
  }
`);

export const AcceptAnswerDocument = graphql(`
  mutation AcceptAnswer($replyId: ID!) {
    acceptAnswer(replyId: $replyId) {
      id
      status
      acceptedReply {
        id
      }
    }
  }
`);

export const UnacceptAnswerDocument = graphql(`
  mutation UnacceptAnswer($threadId: ID!) {
    unacceptAnswer(threadId: $threadId) {
      id
      status
      acceptedReply {
        id
      }
    }
  }
`);

export const EditQuestionDocument = graphql(`
  mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) {
    editQuestion(threadId: $threadId, input: $input) {
      id
      title
      body
      bodyHtml
      tags
      edited
      editedAt
      version
    }
  }
`);

/** What the question's edit form shows of the question as the server has it, after a save was refused (EDITED_SINCE). */
export const EditedQuestionFieldsFragment = graphql(`
  fragment EditedQuestionFields on Thread {
    id
    title
    body
    bodyHtml
    tags
    version
  }
`);

export const EditReplyDocument = graphql(`
  mutation EditReply($replyId: ID!, $input: EditReplyInput!) {
    editReply(replyId: $replyId, input: $input) {
      ...ReplyFields
    }
  }
`);

export const RevisionsDocument = graphql(`
  query Revisions($postType: PostType!, $postId: ID!, $after: String) {
    revisions(postType: $postType, postId: $postId, after: $after) {
      nodes {
        id
        previousTitle
        previousBody
        previousBodyHtml
        createdAt
        editor {
          id
          username
          isStaff
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
