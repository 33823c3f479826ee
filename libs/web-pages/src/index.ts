/**
 * The web app's pages, written once for both apps: its router declares each route with one of these paths, and the
 * API answers a navigation to any other path 404 (with the app, which shows its "not found" page) and tells crawlers
 * in robots.txt which pages to skip. Plain constants and functions, no dependencies.
 */

export interface WebPage {
  /** The path as react-router reads it: `/`, then segments, `:name` standing for one segment of any text. */
  readonly path: string;
  /** Whether search engines are welcome: public answers are; forms, a member's own pages and staff tools are not. */
  readonly crawl: boolean;
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
  staff: { path: '/staff', crawl: false },
  staffAnswers: { path: '/staff/answers', crawl: false },
  staffAnswer: { path: '/staff/answers/:slug', crawl: false },
  staffLearned: { path: '/staff/learned', crawl: false },
  staffStats: { path: '/staff/stats', crawl: false },
  staffLog: { path: '/staff/log', crawl: false },
} as const satisfies Record<string, WebPage>;

/** A page path as react-router matches it: letters in any case, any trailing slashes, a parameter any one segment. */
function pathPattern(path: string): RegExp {
  const segments = path.replace(/\/+$/, '').replace(/\/:[\w-]+/g, '/[^/]+');
  return new RegExp(`^${segments}/*$`, 'i');
}

const pagePatterns = Object.values(webPages).map((page) => pathPattern(page.path));

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

/** Whether a URL's path (not decoded, without its query) is one of the web app's pages, as its router would tell. */
export function isWebPagePath(pathname: string): boolean {
  const decoded = decodePath(pathname);
  return pagePatterns.some((pattern) => pattern.test(decoded));
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
