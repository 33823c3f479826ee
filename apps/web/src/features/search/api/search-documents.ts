import { graphql } from '../../../gql';

export const SearchDocument = graphql(`
  query Search($query: String!, $first: Int!, $after: String) {
    search(query: $query, first: $first, after: $after) {
      nodes {
        threadId
        matchedIn
        postId
        titleHtml
        snippet
        thread {
          id
          ...ThreadBadgesFields
          tags
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
