import { graphql } from '../../../gql';

export const BotQueueDocument = graphql(`
  query BotQueue($kind: BotQueueKind!, $first: Int!, $after: String) {
    botQueue(kind: $kind, first: $first, after: $after) {
      nodes {
        threadId
        thread {
          id
          title
          excerpt
          createdAt
          replyCount
          author {
            id
            username
          }
        }
        suggestion {
          id
          status
          confidence
          feedback
          createdAt
          decidedAt
          decidedBy {
            id
            username
          }
          answer {
            id
            slug
            title
            retired
          }
          alternatives {
            slug
            confidence
          }
          explanation {
            terms
            signals
          }
          clarify {
            question
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AnswerChoicesDocument = graphql(`
  query AnswerChoices {
    canonicalAnswers {
      id
      slug
      title
    }
  }
`);

export const ConfirmSuggestionDocument = graphql(`
  mutation ConfirmSuggestion($threadId: ID!) {
    confirmSuggestion(threadId: $threadId) {
      id
      status
    }
  }
`);

export const CorrectSuggestionDocument = graphql(`
  mutation CorrectSuggestion($threadId: ID!, $slug: String!) {
    correctSuggestion(threadId: $threadId, slug: $slug) {
      id
      status
    }
  }
`);

export const DismissSuggestionDocument = graphql(`
  mutation DismissSuggestion($threadId: ID!) {
    dismissSuggestion(threadId: $threadId) {
      id
      status
    }
  }
`);

export const BotStatsDocument = graphql(`
  query BotStats($days: Int!) {
    botStats(days: $days) {
      days
      since
      totals {
        ...BotStatCountsFields
      }
      perDay {
        day
        counts {
          ...BotStatCountsFields
        }
      }
      perAnswer {
        answer {
          id
          slug
          title
          retired
        }
        counts {
          ...BotStatCountsFields
        }
      }
    }
  }
`);

export const BotStatCountsFieldsFragment = graphql(`
  fragment BotStatCountsFields on BotStatCounts {
    questionsPosted
    botAnswers
    clarifications
    confirmedResolutions
    confirmedByAsker
    confirmedByStaff
    corrected
    dismissed
    unhelpfulVotes
    usefulVotes
    deflections
    pendingReviews
  }
`);

export const LearnedExamplesDocument = graphql(`
  query LearnedExamples($first: Int!) {
    learnedExamples(first: $first) {
      id
      text
      source
      answerSlug
      answerTitle
      threadId
      decidedAt
      decidedBy {
        id
        username
      }
    }
  }
`);

export const RemoveLearnedExampleDocument = graphql(`
  mutation RemoveLearnedExample($id: ID!) {
    removeLearnedExample(id: $id)
  }
`);
