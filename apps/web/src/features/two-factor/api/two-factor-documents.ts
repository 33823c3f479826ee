import { graphql } from '../../../gql';

export const TwoFactorStatusDocument = graphql(`
  query TwoFactorStatus {
    twoFactorStatus {
      enabled
      recoveryCodesLeft
      requiredForStaffTools
    }
  }
`);

export const BeginTwoFactorEnrolmentDocument = graphql(`
  mutation BeginTwoFactorEnrolment {
    beginTwoFactorEnrolment {
      qrCodeSvg
      setupKey
    }
  }
`);

export const ConfirmTwoFactorEnrolmentDocument = graphql(`
  mutation ConfirmTwoFactorEnrolment($code: String!, $password: String!) {
    confirmTwoFactorEnrolment(code: $code, password: $password) {
      codes
    }
  }
`);

export const RegenerateRecoveryCodesDocument = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code) {
      codes
    }
  }
`);

export const DisableTwoFactorDocument = graphql(`
  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {
    disableTwoFactor(input: $input) {
      enabled
    }
  }
`);

export const KnownDevicesDocument = graphql(`
  query KnownDevices {
    knownDevices {
      id
      label
      createdAt
      lastUsedAt
      current
    }
  }
`);

export const ForgetKnownDeviceDocument = graphql(`
  mutation ForgetKnownDevice($id: ID!, $signOut: Boolean!) {
    forgetKnownDevice(id: $id, signOut: $signOut)
  }
`);

export const ForgetOtherKnownDevicesDocument = graphql(`
  mutation ForgetOtherKnownDevices($signOut: Boolean!) {
    forgetOtherKnownDevices(signOut: $signOut)
  }
`);
