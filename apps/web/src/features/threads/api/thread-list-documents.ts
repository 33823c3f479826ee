import { graphql } from '../../../gql';

export const ThreadListDocument = graphql(`
  query ThreadList($filter: ThreadFilter, $sort: ThreadSort!, $first: Int!, $after: String) {
    threads(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        id
        title
        ...ThreadBadgesFields
        locked
        replyCount
        createdAt
        lastActivityAt
        tags
        author {
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

export const PopularTagsDocument = graphql(`
  query PopularTags($first: Int!) {
    tags(first: $first) {
      tag
      threadCount
    }
  }
`);
