import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { isSessionCookie } from '../auth/session-token.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { AuthUser } from '../common/request-context.js';

/** What graphql-ws hands the context and onConnect callbacks (the `ws` adapter's `extra`). */
export interface SocketConnection {
  connectionParams?: Readonly<Record<string, unknown>>;
  /** clientAddress: the client's address with TRUST_PROXY applied (clientAddress()), set when the socket connects. */
  extra: { request: IncomingMessage; clientAddress?: string };
}

/** The GraphQL context: the HTTP request, or a request-like view of the WebSocket upgrade. */
export function graphqlContext(argument: { req?: Request; res?: Response } & Partial<SocketConnection>): { req: Request; res?: Response } {
  if (argument.req) return { req: argument.req, res: argument.res };
  if (!argument.extra) throw new Error('GraphQL context without a request or a socket');
  const { request, clientAddress } = argument.extra;
  if (clientAddress === undefined) throw new Error('GraphQL context of a socket that has not connected');
  return { req: { ...socketRequest(argument.connectionParams, request), ip: clientAddress } as Request };
}

/** The session a socket offers (connection params or the upgrade's cookie/header) and its user; user null when it is not live. */
export async function socketSession(
  sessions: SessionsService,
  connection: SocketConnection,
): Promise<{ token: string | null; user: AuthUser | null }> {
  const token = sessions.tokenFrom(socketRequest(connection.connectionParams, connection.extra.request));
  return { token, user: token === null ? null : await sessions.userFor(token) };
}

/**
 * Makes the upgrade request look like an HTTP one to RequestContext and the AuthGuard, which look up the
 * session again for every subscription started on the socket (so a revoked session cannot start new ones).
 * A `connectionParams.authorization` token wins over the upgrade's headers; browsers send the cookie.
 */
export function socketRequest(connectionParams: Readonly<Record<string, unknown>> | undefined, upgrade: IncomingMessage): Request {
  const headers = { ...upgrade.headers };
  const authorization = connectionParams?.authorization;
  if (typeof authorization === 'string' && authorization.trim()) {
    const value = authorization.trim();
    headers.authorization = value.toLowerCase().startsWith('bearer ') ? value : `Bearer ${value}`;
  }
  // Cross-site WebSocket hijacking: a page on another origin gets the browser to send our cookie, so only
  // a same-origin socket may sign in with it.
  const cookies = sameOrigin(upgrade) ? parseCookies(upgrade.headers.cookie) : {};
  return { headers, cookies, socket: upgrade.socket } as unknown as Request;
}

function sameOrigin(upgrade: IncomingMessage): boolean {
  const origin = upgrade.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === upgrade.headers.host;
  } catch {
    return false;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!isSessionCookie(name)) continue;
    try {
      cookies[name] = decodeURIComponent(
        part
          .slice(separator + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
    } catch {
      // a malformed value is no session
    }
  }
  return cookies;
}
