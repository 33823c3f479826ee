import type { SecretKind } from '#secrets';

/** The GraphQL error codes clients branch on (`extensions.code`). */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
}

/** Every expected failure of every feature, sent as `extensions.reason` beside the code it maps to (errorCodeOf). */
export enum ErrorReason {
  // Any feature
  INVALID_INPUT = 'INVALID_INPUT',
  SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED',
  NOT_ALLOWED = 'NOT_ALLOWED',
  STAFF_ONLY = 'STAFF_ONLY',
  TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED',
  RATE_LIMITED = 'RATE_LIMITED',
  EDITED_SINCE = 'EDITED_SINCE',
  // auth
  WRONG_CREDENTIALS = 'WRONG_CREDENTIALS',
  PASSWORD_CHECKS_BUSY = 'PASSWORD_CHECKS_BUSY',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  // two-factor
  TWO_FACTOR_ALREADY_ON = 'TWO_FACTOR_ALREADY_ON',
  TWO_FACTOR_CHALLENGE_EXPIRED = 'TWO_FACTOR_CHALLENGE_EXPIRED',
  TWO_FACTOR_CODE_WRONG = 'TWO_FACTOR_CODE_WRONG',
  KNOWN_DEVICE_NOT_FOUND = 'KNOWN_DEVICE_NOT_FOUND',
  // users
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  ACCOUNT_TAKEN = 'ACCOUNT_TAKEN',
  USERNAME_RESERVED = 'USERNAME_RESERVED',
  USERNAME_IMITATES_STAFF = 'USERNAME_IMITATES_STAFF',
  ADMIN_ONLY = 'ADMIN_ONLY',
  OWN_ROLE = 'OWN_ROLE',
  BOT_ROLE = 'BOT_ROLE',
  // threads
  THREAD_NOT_FOUND = 'THREAD_NOT_FOUND',
  REPLY_NOT_FOUND = 'REPLY_NOT_FOUND',
  THREAD_LOCKED = 'THREAD_LOCKED',
  NOT_YOUR_POST = 'NOT_YOUR_POST',
  NOT_THE_ASKER = 'NOT_THE_ASKER',
  HIDDEN_REPLY = 'HIDDEN_REPLY',
  POST_HIDDEN = 'POST_HIDDEN',
  // moderation
  FLAG_NOT_FOUND = 'FLAG_NOT_FOUND',
  ALREADY_FLAGGED = 'ALREADY_FLAGGED',
  OWN_POST_FLAGGED = 'OWN_POST_FLAGGED',
  FLAG_ALREADY_RESOLVED = 'FLAG_ALREADY_RESOLVED',
  POST_ALREADY_HIDDEN = 'POST_ALREADY_HIDDEN',
  POST_NOT_HIDDEN = 'POST_NOT_HIDDEN',
  THREAD_ALREADY_LOCKED = 'THREAD_ALREADY_LOCKED',
  THREAD_NOT_LOCKED = 'THREAD_NOT_LOCKED',
  // canonical answers
  CANONICAL_ANSWER_NOT_FOUND = 'CANONICAL_ANSWER_NOT_FOUND',
  CANONICAL_ANSWER_EXISTS = 'CANONICAL_ANSWER_EXISTS',
  EXAMPLE_NOT_FOUND = 'EXAMPLE_NOT_FOUND',
  EXAMPLE_EXISTS = 'EXAMPLE_EXISTS',
  // bot
  BOT_SUGGESTION_NOT_FOUND = 'BOT_SUGGESTION_NOT_FOUND',
  ASKER_JUDGES_BOT_ANSWER = 'ASKER_JUDGES_BOT_ANSWER',
}

/** The one mapping from a failure to the code clients branch on. */
const codeOfReason: Record<ErrorReason, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BadUserInput,
  SIGN_IN_REQUIRED: ErrorCode.Unauthenticated,
  NOT_ALLOWED: ErrorCode.Forbidden,
  STAFF_ONLY: ErrorCode.Forbidden,
  TWO_FACTOR_REQUIRED: ErrorCode.Forbidden,
  RATE_LIMITED: ErrorCode.RateLimited,
  EDITED_SINCE: ErrorCode.Conflict,
  WRONG_CREDENTIALS: ErrorCode.Unauthenticated,
  PASSWORD_CHECKS_BUSY: ErrorCode.RateLimited,
  SESSION_NOT_FOUND: ErrorCode.NotFound,
  TWO_FACTOR_ALREADY_ON: ErrorCode.Conflict,
  TWO_FACTOR_CHALLENGE_EXPIRED: ErrorCode.Unauthenticated,
  TWO_FACTOR_CODE_WRONG: ErrorCode.Unauthenticated,
  KNOWN_DEVICE_NOT_FOUND: ErrorCode.NotFound,
  USER_NOT_FOUND: ErrorCode.NotFound,
  ACCOUNT_TAKEN: ErrorCode.Conflict,
  USERNAME_RESERVED: ErrorCode.Conflict,
  USERNAME_IMITATES_STAFF: ErrorCode.BadUserInput,
  ADMIN_ONLY: ErrorCode.Forbidden,
  OWN_ROLE: ErrorCode.Forbidden,
  BOT_ROLE: ErrorCode.Forbidden,
  THREAD_NOT_FOUND: ErrorCode.NotFound,
  REPLY_NOT_FOUND: ErrorCode.NotFound,
  THREAD_LOCKED: ErrorCode.Forbidden,
  NOT_YOUR_POST: ErrorCode.Forbidden,
  NOT_THE_ASKER: ErrorCode.Forbidden,
  HIDDEN_REPLY: ErrorCode.Forbidden,
  POST_HIDDEN: ErrorCode.Forbidden,
  FLAG_NOT_FOUND: ErrorCode.NotFound,
  ALREADY_FLAGGED: ErrorCode.Conflict,
  OWN_POST_FLAGGED: ErrorCode.Forbidden,
  FLAG_ALREADY_RESOLVED: ErrorCode.Conflict,
  POST_ALREADY_HIDDEN: ErrorCode.Conflict,
  POST_NOT_HIDDEN: ErrorCode.Conflict,
  THREAD_ALREADY_LOCKED: ErrorCode.Conflict,
  THREAD_NOT_LOCKED: ErrorCode.Conflict,
  CANONICAL_ANSWER_NOT_FOUND: ErrorCode.NotFound,
  CANONICAL_ANSWER_EXISTS: ErrorCode.Conflict,
  EXAMPLE_NOT_FOUND: ErrorCode.NotFound,
  EXAMPLE_EXISTS: ErrorCode.Conflict,
  BOT_SUGGESTION_NOT_FOUND: ErrorCode.NotFound,
  ASKER_JUDGES_BOT_ANSWER: ErrorCode.Forbidden,
};

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An expected failure: its message, code and reason reach the client as they are.
 * Anything else thrown is logged and reported as an internal error without details.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  /** `reason` is an ErrorReason; text refused for holding a secret has the secret's kind instead (refuseSecrets). */
  constructor(
    readonly reason: ErrorReason | SecretKind,
    message: string,
    readonly details: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = reason in codeOfReason ? codeOfReason[reason as ErrorReason] : ErrorCode.BadUserInput;
  }

  static badInput(field: string, message: string, reason = ErrorReason.INVALID_INPUT): AppError {
    return new AppError(reason, `${field}: ${message}`, { fields: [{ field, message }] });
  }

  static notFound(reason: ErrorReason, what: string, id: string | number): AppError {
    return new AppError(reason, `${what} ${id} was not found`);
  }

  static forbidden(reason = ErrorReason.NOT_ALLOWED, message = 'You are not allowed to do this'): AppError {
    return new AppError(reason, message);
  }

  /** Staff and admins have their powers only once two-factor sign-in is on; the web app links to enrolment. */
  static twoFactorRequired(): AppError {
    return new AppError(ErrorReason.TWO_FACTOR_REQUIRED, 'Turn on two-factor sign-in to use staff tools');
  }

  static unauthenticated(reason = ErrorReason.SIGN_IN_REQUIRED, message = 'Sign in to do this'): AppError {
    return new AppError(reason, message);
  }

  static conflict(reason: ErrorReason, field: string, message: string): AppError {
    return new AppError(reason, message, { fields: [{ field, message }] });
  }

  /** An edit made from a version someone else has replaced since: the client shows the current text to merge with. */
  static editedSince(): AppError {
    return new AppError(ErrorReason.EDITED_SINCE, 'Someone else saved a newer version since you started editing');
  }

  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(ErrorReason.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }

  static passwordChecksBusy(retryAfterSeconds: number): AppError {
    return new AppError(ErrorReason.PASSWORD_CHECKS_BUSY, `Too many sign-ins at once; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
