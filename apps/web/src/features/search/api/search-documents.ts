import { graphql } from '../../../gql';

export const SearchDocument = graphql(`
  query Search($query: String!, $first: Int!, $after: String) {
    search(query: $query, first: $first, after: $after) {
      nodes {
        threadId
        matchedIn
        postId
        snippet
        thread {
          id
          title
          status
          replyCount
          lastActivityAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
