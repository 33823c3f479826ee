/** The GraphQL error codes clients can rely on. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An expected failure: its message and code reach the client as they are.
 * Anything else thrown is logged and reported as an internal error without details.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; retryAfterSeconds?: number; reason?: string } = {},
  ) {
    super(message);
  }

  static badInput(field: string, message: string): AppError {
    return new AppError(ErrorCode.BadUserInput, `${field}: ${message}`, { fields: [{ field, message }] });
  }

  static notFound(what: string, id: string | number): AppError {
    return new AppError(ErrorCode.NotFound, `${what} ${id} was not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }

  /** Staff and admins have their powers only once two-factor sign-in is on; the web app links to enrolment. */
  static twoFactorRequired(): AppError {
    return new AppError(ErrorCode.Forbidden, 'Turn on two-factor sign-in to use staff tools', { reason: 'TWO_FACTOR_REQUIRED' });
  }

  static unauthenticated(message = 'Sign in to do this'): AppError {
    return new AppError(ErrorCode.Unauthenticated, message);
  }

  static conflict(field: string, message: string): AppError {
    return new AppError(ErrorCode.Conflict, message, { fields: [{ field, message }] });
  }

  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(ErrorCode.RateLimited, `Too many requests; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
