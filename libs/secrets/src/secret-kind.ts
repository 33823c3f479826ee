/** What the detector can find; each is also the reason code the API returns (never the secret itself). */
export enum SecretKind {
  OtpauthUri = 'OTPAUTH_URI',
  OtpauthMigrationUri = 'OTPAUTH_MIGRATION_URI',
  TotpSetupKey = 'TOTP_SETUP_KEY',
  AccountSecretKey = 'ACCOUNT_SECRET_KEY',
  RecoveryCodes = 'RECOVERY_CODES',
  RecoveryCode = 'RECOVERY_CODE',
  Password = 'PASSWORD',
  ImageDataUri = 'IMAGE_DATA_URI',
}

export const secretKinds: readonly SecretKind[] = Object.values(SecretKind);

export interface SecretAdvice {
  /** What was found, in a few plain words. */
  what: string;
  /** Why it must not be posted, and what to do instead. */
  advice: string;
}

/** Plain words shown by the composer and carried by the API's error, per kind. */
export const secretAdvice: Record<SecretKind, SecretAdvice> = {
  [SecretKind.OtpauthUri]: {
    what: 'an otpauth:// link',
    advice:
      'This link holds your two-factor secret: anyone who has it can generate your codes. Remove it. ' +
      'If you already posted it anywhere, turn two-factor off and on again to get a new one.',
  },
  [SecretKind.OtpauthMigrationUri]: {
    what: 'an authenticator export link (otpauth-migration://)',
    advice:
      'An export link carries the secrets of every account in your authenticator app. Remove it, and describe the problem in words instead. ' +
      'If you already shared it, reset two-factor on each of those accounts.',
  },
  [SecretKind.TotpSetupKey]: {
    what: 'what looks like a two-factor setup key',
    advice:
      'The setup key lets anyone generate your codes. Remove it; helpers never need it. ' +
      'If you posted it anywhere, turn two-factor off and on again to get a new one.',
  },
  [SecretKind.AccountSecretKey]: {
    what: "what looks like your password manager's Secret Key",
    advice:
      'Together with your password, the Secret Key opens your whole vault. Remove it; no helper or staff member will ever ask for it. ' +
      'If you shared it, generate a new Secret Key from your account settings.',
  },
  [SecretKind.RecoveryCodes]: {
    what: 'what looks like a list of recovery codes',
    advice:
      'Each recovery code signs in to your account without your phone. Remove them and keep them somewhere private. ' +
      'If you posted them anywhere, generate a new set, which cancels the old ones.',
  },
  [SecretKind.RecoveryCode]: {
    what: 'what looks like a recovery code',
    advice:
      'A recovery code signs in to your account without your phone. Remove it and say in words what happened to it ("my recovery code was refused"). ' +
      'If you posted it anywhere, generate new recovery codes once you are signed in, which cancels the old ones.',
  },
  [SecretKind.Password]: {
    what: 'what looks like your password',
    advice:
      'Anyone who reads it can try it on your account. Remove it; nobody here, staff included, needs your password to help. ' +
      'If you posted it anywhere, change it as soon as you can sign in, and wherever else you use it.',
  },
  [SecretKind.ImageDataUri]: {
    what: 'a pasted image (it may be a QR code)',
    advice:
      'A two-factor QR code is your secret in picture form: anyone can scan it and generate your codes. Remove the image and describe what you see in words. ' +
      'If you shared a QR code, turn two-factor off and on again to get a new one.',
  },
};
