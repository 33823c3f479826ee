import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The API's BAD_USER_INPUT errors carry `extensions.fields`: one message per input field. With `labels`, a
 * message that starts with the field's API name names it as the form labels it ("body must be…" → "Details must be…").
 * Each is shown as a sentence, with a capital, even under a field it does not start with ("username or email…" under
 * Email).
 */
export function fieldErrorsOf(error: unknown, labels: Partial<Record<string, string>> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const graphqlError of error.errors) {
    for (const { field, message } of fieldProblemsOf(graphqlError)) {
      const name = leafOf(field);
      const label = labels[name];
      result[name] ??= sentenceOf(
        label && message.toLowerCase().startsWith(`${name.toLowerCase()} `) ? `${label}${message.slice(name.length)}` : message,
      );
    }
  }
  return result;
}

/**
 * What a form shows above its fields (ErrorMessage), beside the messages it shows under the fields it `shows`: every
 * error without a field message (a rate limit, a refusal), and the messages for fields the form does not have or does
 * not show now (which messageOf says as sentences). Null when there is nothing more to show.
 */
export function formErrorOf(error: unknown, shows: readonly string[]): unknown {
  if (!CombinedGraphQLErrors.is(error)) return error ?? null;
  const unplaced = error.errors.flatMap((graphqlError) => {
    const fields = fieldProblemsOf(graphqlError);
    if (fields.length === 0) return [graphqlError];
    const elsewhere = fields.filter(({ field }) => !shows.includes(leafOf(field)));
    return elsewhere.length > 0 ? [{ ...graphqlError, extensions: { ...graphqlError.extensions, fields: elsewhere } }] : [];
  });
  return unplaced.length > 0 ? new CombinedGraphQLErrors({ errors: unplaced }) : null;
}

function fieldProblemsOf(graphqlError: GraphQLFormattedError): FieldError[] {
  return (graphqlError.extensions?.fields as FieldError[] | undefined) ?? [];
}

/** Nested inputs name the leaf last (`input.title`): a form knows its fields by leaf name. */
function leafOf(field: string): string {
  return field.split('.').pop() ?? field;
}

function sentenceOf(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * What one error says to a person: its field messages, each once and as a sentence, rather than the API's own
 * "field: message" (or the validator's "title must…; body must…"); its message when it has none.
 */
function sentencesOf(graphqlError: GraphQLFormattedError): string {
  const fields = fieldProblemsOf(graphqlError);
  if (fields.length === 0) return graphqlError.message;
  return [...new Set(fields.map(({ message }) => sentenceOf(message)))].join(' ');
}

/** The first error's `extensions.code` (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED…). */
export function errorCodeOf(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The first error's `extensions.reason`: which expected failure it is (e.g. TWO_FACTOR_CHALLENGE_EXPIRED), beside its code. */
export function errorReasonOf(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** Whether an edit was refused because someone else saved a newer version since the one it started from. */
export function isEditedSince(error: unknown): boolean {
  return errorReasonOf(error) === 'EDITED_SINCE';
}

/**
 * Whether a request was refused because it came with no session (SIGN_IN_REQUIRED): from a member's app, the session
 * ended. A sign-in form's wrong password or code is UNAUTHENTICATED for its own reasons, and is not this.
 */
export function isSignInRequired(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((graphqlError) => graphqlError.extensions?.reason === 'SIGN_IN_REQUIRED');
}

export const twoFactorRequiredMessage = 'Turn on two-factor sign-in to use staff tools.';

/** The server's own sentence for the first error, e.g. why a code was refused. */
export function serverMessageOf(error: unknown): string {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  return first && errorCodeOf(error) !== 'RATE_LIMITED' ? sentencesOf(first) : messageOf(error);
}

/** How long a wait is, as a person says it: "40 seconds", "12 minutes", "3 hours" (rounded up). */
function durationOf(seconds: number): string {
  const [count, unit] =
    seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A sentence a person can act on, for any failed request; refused input says its field messages as sentences. */
export function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    switch (first?.extensions?.code) {
      case 'UNAUTHENTICATED':
        return 'Please sign in to do that.';
      case 'FORBIDDEN':
        if (errorReasonOf(error) === 'TWO_FACTOR_REQUIRED') return twoFactorRequiredMessage;
        return 'You do not have permission to do that.';
      case 'RATE_LIMITED': {
        // The API's own sentence counts the wait in seconds ("try again in 714 s").
        const wait = first.extensions?.retryAfterSeconds;
        const waitInWords = typeof wait === 'number' && wait > 0 ? durationOf(Math.ceil(wait)) : null;
        // Too many people signing in at once: nothing this person did.
        if (errorReasonOf(error) === 'PASSWORD_CHECKS_BUSY')
          return `The forum is busy signing people in. Try again in ${waitInWords ?? 'a moment'}.`;
        if (waitInWords) return `You are doing that too often. Try again in ${waitInWords}.`;
        return first.message || 'You are doing that too often. Please wait a moment and try again.';
      }
      case 'INTERNAL_SERVER_ERROR':
        return 'Something went wrong on our side. Please try again.';
      default:
        return first ? sentencesOf(first) : 'The request failed.';
    }
  }
  if (ServerError.is(error)) return `The server answered ${error.statusCode}. Please try again.`;
  if (error instanceof Error && /fetch|network/i.test(error.message)) return 'Cannot reach the forum. Check your connection and try again.';
  return error instanceof Error ? error.message : 'The request failed.';
}
