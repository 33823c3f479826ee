import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorCodeOf, errorReasonOf, fieldErrorsOf, formErrorOf, isSignInRequired, messageOf, serverMessageOf } from './graphql-errors';

function graphqlErrors(...errors: GraphQLFormattedError[]): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors });
}

function badInput(fields: { field: string; message: string }[]): GraphQLFormattedError {
  return { message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', fields } };
}

describe('fieldErrorsOf', () => {
  it('keys each message by the leaf name of the input field', () => {
    const error = graphqlErrors(
      badInput([
        { field: 'input.title', message: 'Title is too short.' },
        { field: 'body', message: 'Body is required.' },
      ]),
    );
    expect(fieldErrorsOf(error)).toEqual({ title: 'Title is too short.', body: 'Body is required.' });
  });

  it('keeps the first message when a field is named twice, across errors too', () => {
    const error = graphqlErrors(
      badInput([
        { field: 'input.title', message: 'First' },
        { field: 'title', message: 'Second' },
      ]),
      badInput([{ field: 'input.title', message: 'Third' }]),
    );
    expect(fieldErrorsOf(error)).toEqual({ title: 'First' });
  });

  it('names a field as labelled, and starts every message with a capital', () => {
    const taken = 'username or email address is already in use';
    const error = graphqlErrors(
      badInput([
        { field: 'username', message: taken },
        { field: 'email', message: taken },
      ]),
    );
    expect(fieldErrorsOf(error, { username: 'Username', email: 'Email' })).toEqual({
      username: 'Username or email address is already in use',
      email: 'Username or email address is already in use',
    });
  });

  it('is empty for errors without fields and for anything that is not a GraphQL error', () => {
    expect(fieldErrorsOf(graphqlErrors({ message: 'Nope', extensions: { code: 'FORBIDDEN' } }))).toEqual({});
    expect(fieldErrorsOf(new Error('input.title: too short'))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});

describe('formErrorOf', () => {
  it('is null when every message is under a field the form shows', () => {
    const error = graphqlErrors(badInput([{ field: 'input.currentPassword', message: 'That is not the password of this account' }]));
    expect(formErrorOf(error, ['currentPassword', 'newPassword'])).toBeNull();
    expect(formErrorOf(null, ['code'])).toBeNull();
  });

  it('keeps an error without fields that comes beside one with fields', () => {
    const error = graphqlErrors(badInput([{ field: 'input.title', message: 'title must be 3 to 200 characters' }]), {
      message: 'Too many requests; try again in 40 s',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 40 },
    });
    expect(messageOf(formErrorOf(error, ['title', 'body']))).toBe('You are doing that too often. Try again in 40 seconds.');
  });

  it('says a message for a field the form does not show as a sentence, without the API’s field name', () => {
    const error = graphqlErrors({
      message: 'twoFactor: Two-factor sign-in is already off',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'twoFactor', message: 'Two-factor sign-in is already off' }] },
    });
    expect(messageOf(formErrorOf(error, ['code']))).toBe('Two-factor sign-in is already off');
    const mixed = graphqlErrors(
      badInput([
        { field: 'input.title', message: 'title must be 3 to 200 characters' },
        { field: 'input.tags', message: 'at most 5 tags' },
      ]),
    );
    expect(messageOf(formErrorOf(mixed, ['title', 'body']))).toBe('At most 5 tags');
  });

  it('is any other failure as it is', () => {
    const offline = new TypeError('Failed to fetch');
    expect(formErrorOf(offline, ['code'])).toBe(offline);
  });
});

describe('errorCodeOf', () => {
  it('reads the first error’s code, and null when there is none', () => {
    expect(errorCodeOf(graphqlErrors({ message: 'a', extensions: { code: 'RATE_LIMITED' } }, { message: 'b' }))).toBe('RATE_LIMITED');
    expect(errorCodeOf(graphqlErrors({ message: 'a' }))).toBeNull();
    expect(errorCodeOf(new Error('RATE_LIMITED'))).toBeNull();
  });
});

describe('messageOf', () => {
  it.each([
    ['UNAUTHENTICATED', 'Internal detail', 'Please sign in to do that.'],
    ['FORBIDDEN', 'Internal detail', 'You do not have permission to do that.'],
    ['INTERNAL_SERVER_ERROR', 'stack trace here', 'Something went wrong on our side. Please try again.'],
    ['RATE_LIMITED', 'Wait 30 seconds before asking again.', 'Wait 30 seconds before asking again.'],
    ['RATE_LIMITED', '', 'You are doing that too often. Please wait a moment and try again.'],
    ['BAD_USER_INPUT', 'Title is too short.', 'Title is too short.'],
  ])('turns %s (%j) into a sentence a person can act on', (code, message, expected) => {
    expect(messageOf(graphqlErrors({ message, extensions: { code } }))).toBe(expected);
  });

  it.each([
    [1, '1 second'],
    [40, '40 seconds'],
    [60, '1 minute'],
    [714, '12 minutes'],
    [3600, '1 hour'],
    [86_000, '24 hours'],
  ])('says a wait of %i s as "%s", however the server words it', (retryAfterSeconds, wait) => {
    const limited = graphqlErrors({
      message: `Too many requests; try again in ${retryAfterSeconds} s`,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
    });
    expect(messageOf(limited)).toBe(`You are doing that too often. Try again in ${wait}.`);
    expect(serverMessageOf(limited)).toBe(`You are doing that too often. Try again in ${wait}.`);
  });

  it('does not blame the person when too many sign in at once', () => {
    const busy = graphqlErrors({
      message: 'Too many sign-ins at once; try again in 2 s',
      extensions: { code: 'RATE_LIMITED', reason: 'PASSWORD_CHECKS_BUSY', retryAfterSeconds: 2 },
    });
    expect(messageOf(busy)).toBe('The forum is busy signing people in. Try again in 2 seconds.');
    expect(serverMessageOf(busy)).toBe('The forum is busy signing people in. Try again in 2 seconds.');
  });

  it('says the messages of an error with fields as sentences, each once, without the API’s field names', () => {
    const retired = graphqlErrors({
      message: 'threadId: the suggested answer is retired: choose the right one with Correct (correctSuggestion)',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'threadId', message: 'the suggested answer is retired: choose the right one with Correct (correctSuggestion)' }],
      },
    });
    expect(messageOf(retired)).toBe('The suggested answer is retired: choose the right one with Correct (correctSuggestion)');
    const invalid = graphqlErrors({
      message: 'code must be 6 digits; recoveryCode must be shorter',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.code', message: 'code must be 6 digits' },
          { field: 'input.recoveryCode', message: 'recoveryCode must be shorter' },
        ],
      },
    });
    expect(messageOf(invalid)).toBe('Code must be 6 digits RecoveryCode must be shorter');
    const taken = 'username or email address is already in use';
    const conflict = graphqlErrors({
      message: taken,
      extensions: {
        code: 'CONFLICT',
        fields: [
          { field: 'username', message: taken },
          { field: 'email', message: taken },
        ],
      },
    });
    expect(messageOf(conflict)).toBe('Username or email address is already in use');
  });

  it('says the server’s own sentence for an error as messageOf does for its fields', () => {
    const wrong = graphqlErrors({
      message: 'code: That code is not right',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: 'That code is not right' }] },
    });
    expect(serverMessageOf(wrong)).toBe('That code is not right');
    expect(serverMessageOf(graphqlErrors({ message: 'This sign-in has expired', extensions: { code: 'UNAUTHENTICATED' } }))).toBe(
      'This sign-in has expired',
    );
  });

  it('names the HTTP status of a server error', () => {
    const error = new ServerError('Response not successful', { response: new Response('', { status: 502 }), bodyText: '' });
    expect(messageOf(error)).toBe('The server answered 502. Please try again.');
  });

  it('explains network failures, and falls back to the error’s own message', () => {
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('Cannot reach the forum. Check your connection and try again.');
    expect(messageOf(new Error('Something odd'))).toBe('Something odd');
    expect(messageOf('not an error')).toBe('The request failed.');
  });
});

describe('errorReasonOf', () => {
  it("reads the first error's reason, never its message", () => {
    const expired = graphqlErrors({
      message: 'Anything at all',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CHALLENGE_EXPIRED' },
    });
    expect(errorReasonOf(expired)).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
    expect(errorReasonOf(graphqlErrors({ message: 'This sign-in has expired', extensions: { code: 'UNAUTHENTICATED' } }))).toBeNull();
    expect(errorReasonOf(new Error('expired'))).toBeNull();
  });
});

describe('isSignInRequired', () => {
  const unauthenticated = (reason: string) => ({ message: 'No', extensions: { code: 'UNAUTHENTICATED', reason } });

  it('is a request refused for want of a session, whichever error of the answer says so', () => {
    expect(
      isSignInRequired(graphqlErrors({ message: 'Gone', extensions: { code: 'NOT_FOUND' } }, unauthenticated('SIGN_IN_REQUIRED'))),
    ).toBe(true);
  });

  it("is not a sign-in form's wrong password or code, nor any other failure", () => {
    for (const reason of ['WRONG_CREDENTIALS', 'TWO_FACTOR_CODE_WRONG', 'TWO_FACTOR_CHALLENGE_EXPIRED']) {
      expect(isSignInRequired(graphqlErrors(unauthenticated(reason))), reason).toBe(false);
    }
    expect(isSignInRequired(new Error('Failed to fetch'))).toBe(false);
  });
});
