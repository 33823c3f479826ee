import type { Request } from 'express';

export const sessionCookieName = 'twofa_session';

/** The session token from `Authorization: Bearer ...` (API clients) or the session cookie (the web app). */
export function sessionTokenFrom(request: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.toLowerCase().startsWith('bearer ')) {
    const token = header.slice(7).trim();
    return token || null;
  }
  return request.cookies?.[sessionCookieName] ?? null;
}
