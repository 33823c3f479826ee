import { graphql } from '../../../gql';

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
        username
      }
      twoFactorChallenge {
        token
      }
    }
  }
`);

export const CompleteTwoFactorSignInDocument = graphql(`
  mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!) {
    completeTwoFactorSignIn(input: $input) {
      user {
        id
        username
      }
      recoveryCodesLeft
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        username
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const SignOutOtherSessionsDocument = graphql(`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`);

export const SignedInSessionsDocument = graphql(`
  query SignedInSessions {
    sessions {
      id
      label
      createdAt
      lastUsedAt
      current
      knownDeviceId
    }
    knownDevices {
      id
      label
      createdAt
      current
    }
  }
`);

export const SignOutSessionDocument = graphql(`
  mutation SignOutSession($id: ID!) {
    signOutSession(id: $id)
  }
`);
