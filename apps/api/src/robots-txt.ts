import { pathsNotToCrawl } from '#web-pages';

/**
 * Served at /robots.txt with the web app. Threads and canonical answers, the forum's point, are open to crawlers; the
 * GraphQL endpoint (the pages' data, each already under a page's address) and the pages that are forms, a member's own
 * or staff tools are not.
 */
export const robotsTxt = ['User-agent: *', ...['/graphql', ...pathsNotToCrawl()].map((path) => `Disallow: ${path}`), ''].join('\n');
