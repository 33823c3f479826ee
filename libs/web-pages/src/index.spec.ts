import { describe, expect, it } from 'vitest';
import { isStaffOnly, matchWebPage, pathsNotToCrawl, staffQueuePath, webPages } from './index.js';

describe('webPages', () => {
  it('are paths of lower-case segments and named parameters, each once', () => {
    const paths = Object.values(webPages).map((page) => page.path);
    for (const path of paths) expect(path).toMatch(/^\/(?:(?:[a-z-]+|:[A-Za-z]+)(?:\/(?:[a-z-]+|:[A-Za-z]+))*)?$/);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('isStaffOnly', () => {
  it('is every page under /staff, and no other', () => {
    for (const [name, page] of Object.entries(webPages) as [keyof typeof webPages, { path: string }][]) {
      expect(isStaffOnly(name), name).toBe(page.path === '/staff' || page.path.startsWith('/staff/'));
    }
  });
});

describe('staffQueuePath', () => {
  it('opens the staff queues page on a queue, or on its first', () => {
    expect(staffQueuePath()).toBe('/staff');
    expect(staffQueuePath('UNHELPFUL')).toBe('/staff?queue=UNHELPFUL');
    expect(matchWebPage(staffQueuePath('UNHELPFUL').split('?')[0]!)?.name).toBe('staff');
  });
});

describe('matchWebPage', () => {
  it('tells the pages, a parameter standing for any one segment', () => {
    for (const path of [
      '/',
      '/t/12',
      '/t/abc',
      '/u/grey',
      '/u/j.doe',
      '/answers/no-backup-codes',
      '/ask',
      '/account/security',
      '/staff',
      '/staff/answers/x',
    ]) {
      expect(matchWebPage(path), path).not.toBeNull();
    }
  });

  it('matches as react-router does: letters in any case, trailing slashes, segments decoded', () => {
    for (const path of ['/ASK', '/Staff/Log', '/t/12/', '/ask//', '//', '/%61sk', '/u/a%2Fb', '/u/%E2%9C%93']) {
      expect(matchWebPage(path), path).not.toBeNull();
    }
  });

  it('names the page and its parameters, decoded as the page reads them', () => {
    expect(matchWebPage('/T/12/')).toEqual({ name: 'thread', params: { threadId: '12' } });
    expect(matchWebPage('/u/a%2Fb')).toEqual({ name: 'profile', params: { username: 'a/b' } });
    expect(matchWebPage('/u/%E2%9C%93')).toEqual({ name: 'profile', params: { username: '✓' } });
    expect(matchWebPage('/staff/answers/no-backup-codes')).toEqual({ name: 'staffAnswer', params: { slug: 'no-backup-codes' } });
    expect(matchWebPage('/Staff/Answers')).toEqual({ name: 'staffAnswers', params: {} });
    expect(matchWebPage('/')).toEqual({ name: 'home', params: {} });
  });

  it('refuses every other path', () => {
    for (const path of [
      '/no-such-page',
      '/robots.txt',
      '/t',
      '/t/',
      '/t/12/replies',
      '/u/a/b',
      '/asks',
      '/staff/nothing',
      '/graphql',
      '/ask%2F',
      '/%zz',
    ]) {
      expect(matchWebPage(path), path).toBeNull();
    }
  });
});

describe('pathsNotToCrawl', () => {
  it("names each page crawlers should skip once, a parameter's page by its start, staff pages by /staff", () => {
    expect(pathsNotToCrawl()).toEqual([
      '/u/',
      '/ask',
      '/notifications',
      '/sign-in',
      '/sign-up',
      '/account/security',
      '/account/two-factor',
      '/staff',
    ]);
  });
});
