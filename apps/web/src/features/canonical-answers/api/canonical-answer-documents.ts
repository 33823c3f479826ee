import { graphql } from '../../../gql';

export const PublicCanonicalAnswerDocument = graphql(`
  query PublicCanonicalAnswer($slug: String!) {
    canonicalAnswer(slug: $slug) {
      id
      slug
      title
      bodyHtml
      retired
      updatedAt
      version
    }
  }
`);

export const CanonicalAnswerListDocument = graphql(`
  query CanonicalAnswerList {
    canonicalAnswers(includeRetired: true) {
      id
      slug
      title
      version
      retired
      updatedAt
    }
  }
`);

export const CanonicalAnswerEditorDocument = graphql(`
  query CanonicalAnswerEditor($slug: String!) {
    canonicalAnswer(slug: $slug) {
      id
      slug
      title
      body
      bodyHtml
      version
      retired
      updatedAt
    }
  }
`);

/** A page of an answer's example questions (oldest first); `after` null for the first. */
export const CanonicalAnswerExamplesDocument = graphql(`
  query CanonicalAnswerExamples($slug: String!, $after: String) {
    canonicalAnswer(slug: $slug) {
      id
      examples(first: 50, after: $after) {
        nodes {
          id
          text
          source
          threadId
          createdAt
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** A page of an answer's earlier versions (newest first); `after` null for the first. */
export const CanonicalAnswerRevisionsDocument = graphql(`
  query CanonicalAnswerRevisions($slug: String!, $after: String) {
    canonicalAnswer(slug: $slug) {
      id
      revisions(first: 20, after: $after) {
        nodes {
          version
          title
          body
          createdAt
          editor {
            id
            username
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const CreateCanonicalAnswerDocument = graphql(`
  mutation CreateCanonicalAnswer($input: CreateCanonicalAnswerInput!) {
    createCanonicalAnswer(input: $input) {
      id
      slug
    }
  }
`);

export const UpdateCanonicalAnswerDocument = graphql(`
  mutation UpdateCanonicalAnswer($slug: String!, $input: UpdateCanonicalAnswerInput!) {
    updateCanonicalAnswer(slug: $slug, input: $input) {
      id
      title
      body
      bodyHtml
      version
      updatedAt
    }
  }
`);

export const RetireCanonicalAnswerDocument = graphql(`
  mutation RetireCanonicalAnswer($slug: String!) {
    retireCanonicalAnswer(slug: $slug) {
      id
      retired
    }
  }
`);

export const RestoreCanonicalAnswerDocument = graphql(`
  mutation RestoreCanonicalAnswer($slug: String!) {
    restoreCanonicalAnswer(slug: $slug) {
      id
      retired
    }
  }
`);

export const AddAnswerExampleDocument = graphql(`
  mutation AddAnswerExample($slug: String!, $text: String!) {
    addAnswerExample(slug: $slug, text: $text) {
      id
    }
  }
`);

export const RemoveAnswerExampleDocument = graphql(`
  mutation RemoveAnswerExample($exampleId: ID!) {
    removeAnswerExample(exampleId: $exampleId) {
      id
    }
  }
`);

export const CanonicalAnswerDraftDocument = graphql(`
  query CanonicalAnswerDraft($threadId: ID!, $slug: String!) {
    canonicalAnswerDraft(threadId: $threadId, slug: $slug)
  }
`);
