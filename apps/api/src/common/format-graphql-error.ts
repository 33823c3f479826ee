import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError, isValueNode, type ASTNode } from 'graphql';
import { AppError } from './app-error.js';

const logger = new Logger('GraphQL');

/** Codes Apollo assigns to the client's own mistakes (parse, validation, variables); their messages are safe to show. */
const clientCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Maps every error to a client-safe shape: AppErrors keep their code, anything unexpected is masked and logged. */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.details.fields ? { fields: original.details.fields } : {}),
        ...(original.details.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.details.retryAfterSeconds } : {}),
        reason: original.reason,
      },
    };
  }
  const code = clientCodeOf(formatted, original);
  if (code) {
    const message = code === 'GRAPHQL_PARSE_FAILED' ? parseFailureMessage(error, formatted.message) : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : formatted.message);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * What a document that could not be parsed is told. graphql-js parses nested lists, input objects and selections by
 * recursion: a document nested a few thousand deep, within the token limit, overflows the stack, whose error (its
 * `originalError`, as Apollo wraps it) says nothing of the document.
 */
export function parseFailureMessage(error: unknown, message: string): string {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError) {
    if (cause instanceof RangeError) return 'The document is nested too deeply to be parsed';
  }
  return message;
}

/** The code of an error that is the client's own mistake, or null. */
function clientCodeOf(formatted: GraphQLFormattedError, original: unknown): string | null {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && clientCodes.has(code)) return code;
  return isArgumentValueError(original) ? 'BAD_USER_INPUT' : null;
}

/**
 * An argument graphql-js refuses while executing, located at the value the client wrote: a variable declared nullable that
 * brings null to a non-null argument with a default (`$signOut: Boolean` for `signOut: Boolean! = false`), which
 * validation lets through because the default serves when the variable is left out. The server's own failures are located
 * at fields, never at values.
 */
function isArgumentValueError(error: unknown): boolean {
  if (!(error instanceof Error) || !('nodes' in error) || !Array.isArray(error.nodes) || error.nodes.length === 0) return false;
  return (error.nodes as ASTNode[]).every((node) => isValueNode(node));
}

const suggestion = 'Did you mean ';

/**
 * Production answers do not list the schema's field and type names ("Did you mean ...?") to whoever guesses. Cut from
 * the first suggestion on the message's last line when the message ends in "?", as `/ ?Did you mean .+\?$/` would, but
 * in one pass: that pattern (and Apollo's own, in its disableSuggestions plugin) scans to the end from each "Did you
 * mean" a client's variable value repeats into the message, seconds for a value of 90 KB.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { message } = formatted;
  if (!message.endsWith('?')) return formatted;
  const at = message.indexOf(suggestion, message.lastIndexOf('\n') + 1);
  if (at < 0 || at + suggestion.length >= message.length - 1) return formatted;
  return { ...formatted, message: message.slice(0, at > 0 && message[at - 1] === ' ' ? at - 1 : at) };
}
