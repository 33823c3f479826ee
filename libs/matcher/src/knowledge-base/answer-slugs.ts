/** Slugs of the built-in canonical answers. */
export const AnswerSlug = {
  noBackupCodes: 'no-backup-codes',
  saveQrCode: 'save-qr-code',
  reenableFromSignedInDevice: 'reenable-from-signed-in-device',
  contactSupportLockedOut: 'contact-support-locked-out',
} as const;

/** One of the built-in answer slugs. */
export type AnswerSlug = (typeof AnswerSlug)[keyof typeof AnswerSlug];

/** The built-in answer slugs, in a stable order. */
export const answerSlugs: readonly AnswerSlug[] = Object.values(AnswerSlug);
