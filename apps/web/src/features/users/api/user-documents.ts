import { graphql } from '../../../gql';

export const UserProfileDocument = graphql(`
  query UserProfile($username: String!) {
    user(username: $username) {
      id
      username
      isStaff
      isBot
      createdAt
    }
  }
`);

export const UserRepliesDocument = graphql(`
  query UserReplies($userId: ID!, $first: Int!, $after: String) {
    userReplies(userId: $userId, first: $first, after: $after) {
      nodes {
        id
        excerpt
        createdAt
        isAccepted
        isStaffAnswer
        hidden
        thread {
          id
          title
          hidden
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
