import { matchWebPage, webPages } from '#web-pages';
import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from './router';

/** The paths the routes declare, nested ones included. */
function routePaths(tree: RouteObject[]): string[] {
  return tree.flatMap((route) => [...(route.path ? [route.path] : []), ...routePaths(route.children ?? [])]);
}

/**
 * The path of the page the router shows at `pathname` (an index route's is its parent's, `*` is its "not found" page),
 * and the parameters the page reads.
 */
function routerMatch(pathname: string): { path: string; params: Record<string, string | undefined> } {
  const matches = matchRoutes(routes, pathname) ?? [];
  const path = matches.flatMap((match) => (match.route.path ? [match.route.path] : [])).at(-1) ?? '/';
  return { path, params: { ...matches.at(-1)?.params } };
}

describe('the router and #web-pages', () => {
  it('has a page at every path of #web-pages, parameters filled', () => {
    for (const { path } of Object.values(webPages)) {
      expect(routerMatch(path.replace(/:[\w-]+/g, 'x1')).path, path).toBe(path);
    }
  });

  it('declares every route but "not found" with a path of #web-pages, so the API knows every page', () => {
    const pagePaths: string[] = Object.values(webPages).map((page) => page.path);
    for (const path of routePaths(routes).filter((path) => path !== '*')) expect(pagePaths, path).toContain(path);
  });

  it('agrees with matchWebPage, which the API answers 404 by, about which page a path shows and its parameters', () => {
    const samples = [
      ...Object.values(webPages).map((page) => page.path.replace(/:[\w-]+/g, 'j.doe')),
      ...['/ASK', '/t/12/', '/T/%2012', '//', '/%61sk', '/u/a%2Fb', '/u/%E2%9C%93', '/Staff/Answers/x', '/staff/answers/'],
      ...['/no-such-page', '/robots.txt', '/t', '/t/', '/t/12/replies', '/asks', '/staff/nothing', '/account', '/ask%2F'],
    ];
    for (const path of samples) {
      const page = matchWebPage(path);
      const router = routerMatch(path);
      expect(page && { path: webPages[page.name].path, params: page.params }, path).toEqual(
        router.path === '*' ? null : { path: router.path, params: router.params },
      );
    }
  });
});
