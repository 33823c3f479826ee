import type { Request } from 'express';

/**
 * The session cookie's names. A Secure cookie carries the `__Host-` prefix: a browser then keeps it only as set by this
 * very host over HTTPS, with `Path=/` and no `Domain`, so a page on a sibling subdomain cannot plant a session of its
 * choosing for this site (session fixation by cookie tossing). Without HTTPS (development) the prefix cannot be used.
 */
const secureSessionCookieName = '__Host-twofa_session';
const plainSessionCookieName = 'twofa_session';

export function sessionCookieName(secure: boolean): string {
  return secure ? secureSessionCookieName : plainSessionCookieName;
}

/** Whether a cookie is one of the session's (the names above), the only cookies a socket upgrade reads. */
export function isSessionCookie(name: string): boolean {
  return name === secureSessionCookieName || name === plainSessionCookieName;
}

/** The session token from `Authorization: Bearer ...` (API clients) or the session cookie `cookieName` (the web app). */
export function sessionTokenFrom(
  request: Pick<Request, 'headers'> & { cookies?: Record<string, string> },
  cookieName: string,
): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.toLowerCase().startsWith('bearer ')) {
    const token = header.slice(7).trim();
    return token || null;
  }
  return request.cookies?.[cookieName] ?? null;
}
