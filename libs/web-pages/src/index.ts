/**
 * The web app's pages, written once for both apps: its router declares each route with one of these paths, and the
 * API answers a navigation to any other path 404 (with the app, which shows its "not found" page), as it does one to a
 * page whose thread, profile or answer is not there, and tells crawlers in robots.txt which pages to skip. Plain
 * constants and functions, no dependencies.
 */

export interface WebPage {
  /** The path as react-router reads it: `/`, then segments, `:name` standing for one segment of any text. */
  readonly path: string;
  /** Whether search engines are welcome: public answers are; forms, a member's own pages and staff tools are not. */
  readonly crawl: boolean;
  /**
   * Only staff may open it: a member gets "This page is for staff" (and the API answers 403), a visitor is sent to
   * sign in, whatever the page's parameters name.
   */
  readonly staffOnly?: true;
}

export const webPages = {
  home: { path: '/', crawl: true },
  thread: { path: '/t/:threadId', crawl: true },
  answer: { path: '/answers/:slug', crawl: true },
  // Lists of one member's posts: the threads themselves are indexed, a member's activity need not be (as on Discourse).
  profile: { path: '/u/:username', crawl: false },
  ask: { path: '/ask', crawl: false },
  notifications: { path: '/notifications', crawl: false },
  signIn: { path: '/sign-in', crawl: false },
  signUp: { path: '/sign-up', crawl: false },
  security: { path: '/account/security', crawl: false },
  /** Where the security page was, while it held two-factor sign-in alone; the app leads on to it. */
  oldTwoFactor: { path: '/account/two-factor', crawl: false },
  staff: { path: '/staff', crawl: false, staffOnly: true },
  staffAnswers: { path: '/staff/answers', crawl: false, staffOnly: true },
  staffAnswer: { path: '/staff/answers/:slug', crawl: false, staffOnly: true },
  staffLearned: { path: '/staff/learned', crawl: false, staffOnly: true },
  staffStats: { path: '/staff/stats', crawl: false, staffOnly: true },
  staffLog: { path: '/staff/log', crawl: false, staffOnly: true },
} as const satisfies Record<string, WebPage>;

export type WebPageName = keyof typeof webPages;

/** The query parameter of the staff queues page (webPages.staff) that names the queue it shows. */
export const staffQueueParam = 'queue';

/** The staff queues page opened on one queue; without one, on its first. */
export function staffQueuePath(queue?: string): string {
  return queue ? `${webPages.staff.path}?${staffQueueParam}=${encodeURIComponent(queue)}` : webPages.staff.path;
}

/** Whether only staff may open the page (see WebPage.staffOnly). */
export function isStaffOnly(name: WebPageName): boolean {
  const page: WebPage = webPages[name];
  return page.staffOnly === true;
}

/** The page a path shows, with its parameters as the page reads them (react-router's `useParams`). */
export interface WebPageMatch {
  readonly name: WebPageName;
  readonly params: Readonly<Record<string, string>>;
}

/** A page path as react-router matches it: letters in any case, any trailing slashes, a parameter any one segment. */
function pathPattern(path: string): RegExp {
  const segments = path.replace(/\/+$/, '').replace(/\/:[\w-]+/g, '/([^/]+)');
  return new RegExp(`^${segments}/*$`, 'i');
}

const pagePatterns = (Object.entries(webPages) as [WebPageName, WebPage][]).map(([name, page]) => ({
  name,
  pattern: pathPattern(page.path),
  paramNames: [...page.path.matchAll(/:([\w-]+)/g)].map((param) => param[1]),
}));

/** react-router decodes each segment of the path before matching it, keeping an encoded `/` encoded. */
function decodePath(pathname: string): string {
  try {
    return pathname
      .split('/')
      .map((segment) => decodeURIComponent(segment).replace(/\//g, '%2F'))
      .join('/');
  } catch {
    return pathname;
  }
}

/**
 * The web app's page at a URL's path (not decoded, without its query), as its router would tell, or null when it has
 * none there. No two pages' paths match one path, so the first that does is the router's.
 */
export function matchWebPage(pathname: string): WebPageMatch | null {
  const decoded = decodePath(pathname);
  for (const { name, pattern, paramNames } of pagePatterns) {
    const values = pattern.exec(decoded)?.slice(1);
    if (!values) continue;
    // A parameter's encoded `/` is one again, as react-router gives it.
    return { name, params: Object.fromEntries(paramNames.map((param, index) => [param, values[index].replace(/%2F/g, '/')])) };
  }
  return null;
}

/**
 * The starts of the paths crawlers should skip (robots.txt matches by start): a page's path up to its first parameter
 * (`/u/` for every profile), each once, none that another already covers (`/staff` covers every staff page).
 */
export function pathsNotToCrawl(): string[] {
  const pages: WebPage[] = Object.values(webPages);
  const starts = [...new Set(pages.filter((page) => !page.crawl).map((page) => page.path.replace(/:.*$/, '')))];
  return starts.filter((start) => !starts.some((other) => other !== start && start.startsWith(other)));
}
