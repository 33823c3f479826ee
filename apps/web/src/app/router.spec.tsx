import { isWebPagePath, webPages } from '#web-pages';
import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from './router';

/** The paths the routes declare, nested ones included. */
function routePaths(tree: RouteObject[]): string[] {
  return tree.flatMap((route) => [...(route.path ? [route.path] : []), ...routePaths(route.children ?? [])]);
}

/** Whether the router shows a page of its own at the path, not its "not found" page. */
function routerHasPage(pathname: string): boolean {
  return matchRoutes(routes, pathname)?.at(-1)?.route.path !== '*';
}

describe('the router and #web-pages', () => {
  it('has a page at every path of #web-pages, parameters filled', () => {
    for (const { path } of Object.values(webPages)) {
      expect(routerHasPage(path.replace(/:[\w-]+/g, 'x1')), path).toBe(true);
    }
  });

  it('declares every route but "not found" with a path of #web-pages, so the API knows every page', () => {
    const pagePaths: string[] = Object.values(webPages).map((page) => page.path);
    for (const path of routePaths(routes).filter((path) => path !== '*')) expect(pagePaths, path).toContain(path);
  });

  it('agrees with isWebPagePath, which the API answers 404 by, about which paths are pages', () => {
    const samples = [
      ...Object.values(webPages).map((page) => page.path.replace(/:[\w-]+/g, 'j.doe')),
      ...['/ASK', '/t/12/', '//', '/%61sk', '/u/a%2Fb', '/Staff/Answers/x', '/staff/answers/'],
      ...['/no-such-page', '/robots.txt', '/t', '/t/', '/t/12/replies', '/asks', '/staff/nothing', '/account', '/ask%2F'],
    ];
    for (const path of samples) expect(isWebPagePath(path), path).toBe(routerHasPage(path));
  });
});
