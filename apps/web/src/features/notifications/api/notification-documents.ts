import { graphql } from '../../../gql';

export const UnreadNotificationCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsDocument = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      nodes {
        id
        kind
        replyId
        replyIsYours
        createdAt
        read
        thread {
          id
          title
        }
        actor {
          id
          username
          isBot
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

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const MarkAllNotificationsReadDocument = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      unreadCount
      notification {
        id
        kind
        thread {
          id
          title
        }
      }
    }
  }
`);

export const MarkThreadNotificationsReadDocument = graphql(`
  mutation MarkThreadNotificationsRead($threadId: ID!) {
    markThreadNotificationsRead(threadId: $threadId)
  }
`);
