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
