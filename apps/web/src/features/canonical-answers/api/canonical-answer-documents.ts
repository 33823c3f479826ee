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
      examples {
        id
        text
        source
        threadId
        createdAt
      }
      revisions {
        version
        title
        body
        createdAt
        editor {
          id
          username
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
