import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TestApp } from '../../support/test-app.js';
import { launchBrowser, newContext } from './browser.js';

/** The API serving the built web app, and Chromium, for one browser suite. */
export interface BrowserApp {
  readonly app: TestApp;
  readonly browser: Browser;
  /** A fresh browser profile (see newContext), closed after the test that opened it. */
  open(options?: Parameters<typeof newContext>[2]): Promise<BrowserContext>;
}

/**
 * Registers the suite's hooks: starts the API (serving dist/web, with `environment` on top) and Chromium before the
 * suite, closes the profiles each test opened, and stops both after the suite. Call it in the `describe` body; the
 * fields are set once its beforeAll has run (a suite's own beforeAll registered after it may use them).
 */
export function useBrowserApp(environment: Record<string, string> = {}): BrowserApp {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ WEB_DIST_PATH: 'dist/web', ...environment });
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowserApp: the suite has not started yet (use it inside hooks and tests)');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    async open(options) {
      const context = await newContext(started(browser), started(app), options);
      opened.push(context);
      return context;
    },
  };
}
