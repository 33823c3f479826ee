import { graphql } from '../../../gql';

export const BotSuggestionFieldsFragment = graphql(`
  fragment BotSuggestionFields on BotSuggestion {
    id
    threadId
    status
    confidence
    folded
    usefulVotes
    replyId
    feedback
    createdAt
    decidedAt
    clarify {
      question
      choices {
        slug
        label
      }
    }
    answer {
      id
      slug
      title
    }
  }
`);

export const ThreadBotSuggestionDocument = graphql(`
  query ThreadBotSuggestion($threadId: ID!) {
    thread(id: $threadId) {
      id
      status
      staffReplied
      replyCount
      author {
        id
      }
      botSuggestion {
        ...BotSuggestionFields
      }
    }
  }
`);

export const ChooseClarificationDocument = graphql(`
  mutation ChooseClarification($threadId: ID!, $slug: String!) {
    chooseClarification(threadId: $threadId, slug: $slug) {
      ...BotSuggestionFields
    }
  }
`);

export const MarkBotAnswerHelpfulDocument = graphql(`
  mutation MarkBotAnswerHelpful($threadId: ID!) {
    markBotAnswerHelpful(threadId: $threadId) {
      ...BotSuggestionFields
    }
  }
`);

export const MarkBotAnswerUnhelpfulDocument = graphql(`
  mutation MarkBotAnswerUnhelpful($threadId: ID!) {
    markBotAnswerUnhelpful(threadId: $threadId) {
      ...BotSuggestionFields
    }
  }
`);

export const VoteBotAnswerUsefulDocument = graphql(`
  mutation VoteBotAnswerUseful($threadId: ID!) {
    voteBotAnswerUseful(threadId: $threadId) {
      ...BotSuggestionFields
    }
  }
`);

export const SuggestAnswersDocument = graphql(`
  query SuggestAnswers($title: String, $body: String) {
    suggestAnswers(title: $title, body: $body) {
      answers {
        slug
        title
        excerpt
        confidence
      }
      threads {
        id
        title
        status
        solved
        score
      }
      clarify {
        question
        choices {
          slug
          label
        }
      }
    }
  }
`);

export const RecordDeflectionDocument = graphql(`
  mutation RecordDeflection($slug: String!) {
    recordDeflection(slug: $slug)
  }
`);

export const CanonicalAnswerPreviewDocument = graphql(`
  query CanonicalAnswerPreview($slug: String!) {
    canonicalAnswer(slug: $slug) {
      id
      slug
      title
      bodyHtml
    }
  }
`);
