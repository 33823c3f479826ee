import { graphql } from '../../../gql';

export const AskQuestionDocument = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
      title
    }
  }
`);
