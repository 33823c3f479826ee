import express from 'express';

/** The largest GraphQL request body read (the WebSocket's WS_MAX_PAYLOAD_BYTES is the same by default). */
export const maxRequestBodyBytes = 100 * 1024;

/** What body-parser's errors (http-errors, `type` naming the failure) carry. */
interface BodyError {
  status?: number;
  type?: string;
}

const problems: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON, or not a JSON object',
  'entity.too.large': `The request body is larger than ${maxRequestBodyBytes / 1024} KB`,
  'charset.unsupported': 'The request body is in a charset the server does not read: send UTF-8',
  'encoding.unsupported': 'The request body is compressed in a way the server does not read: send it as it is, or with gzip, deflate or br',
  'request.aborted': 'The request body was not sent whole',
  'request.size.invalid': 'The request body is not as long as its Content-Length says',
};

/**
 * The GraphQL endpoint's JSON body parser, with its failures answered as Apollo answers a request it cannot use (the
 * GraphQL response shape, code BAD_REQUEST, the parser's 4xx status) rather than in Nest's REST shape, which clients of
 * a GraphQL API do not read. Mounted in place of Nest's own parsers (NestFactory's `bodyParser: false`): only
 * /graphql takes a body, and only JSON (Apollo refuses a form's content type as a possible CSRF).
 */
export function graphqlRequestBody(): [express.RequestHandler, express.ErrorRequestHandler] {
  const parse = express.json({ limit: maxRequestBodyBytes });
  const answerUnreadable: express.ErrorRequestHandler = (error: BodyError, _request, response, next) => {
    const status = error.status ?? 500;
    // A 5xx is the server's own fault (a stream read twice): Nest logs it and answers 500.
    if (status >= 500) return next(error);
    // A body that does not inflate (bad gzip) has zlib's message and no type.
    const message = problems[error.type ?? ''] ?? 'The request body could not be read';
    response
      .status(status)
      .set('Cache-Control', 'no-store')
      .json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
  return [parse, answerUnreadable];
}
