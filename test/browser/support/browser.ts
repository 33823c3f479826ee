import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

const screenshotDirectory = 'test-results/screenshots';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile; with a token it starts signed in (the session cookie the API itself would set). */
export async function newContext(
  browser: Browser,
  app: TestApp,
  options: { token?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: app.url, viewport: options.viewport ?? desktop });
  if (options.token) {
    await context.addCookies([{ name: 'twofa_session', value: options.token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  context.setDefaultTimeout(15_000);
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) cspViolations.push(message.text());
  });
  return context;
}

/** What Chromium refused under the API's Content-Security-Policy, in every context made by newContext. */
export const cspViolations: string[] = [];

/** Full-page screenshot under test-results/screenshots/<name>-<width>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // From the top, so the sticky header sits where a reader sees it.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${screenshotDirectory}/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
}

/** The same page at desktop and phone width. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? desktop;
  await page.setViewportSize(desktop);
  await screenshot(page, name);
  await page.setViewportSize(phone);
  await screenshot(page, name);
  await page.setViewportSize(original);
}

/** How far the page scrolls sideways (0 when it fits the viewport's width). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}

/** The GraphQL operations a page sends over HTTP, by name, from the moment it is called. */
export function operationsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const name = (request.postDataJSON() as { operationName?: string } | null)?.operationName;
    if (name) names.push(name);
  });
  return names;
}

/**
 * The page's GraphQL requests over HTTP from the moment it is called; `settled()` resolves once none has been in flight
 * for `quietMs`. Playwright's `networkidle` cannot say this after an in-app navigation or a click: a page that reached
 * it once, at its first load, is taken to be there whatever it asks for later.
 */
export function graphqlTrafficOf(page: Page): { settled: (quietMs?: number) => Promise<void> } {
  const inFlight = new Set<Request>();
  let changedAt = Date.now();
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    inFlight.add(request);
    changedAt = Date.now();
  });
  const finished = (request: Request) => {
    if (inFlight.delete(request)) changedAt = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    settled: (quietMs = 500) =>
      expect.poll(() => inFlight.size === 0 && Date.now() - changedAt >= quietMs, { timeout: 15_000, interval: 100 }).toBe(true),
  };
}

/**
 * Everything the live region `selector` finds says to a screen reader from now on, one entry per change, in order.
 * Setting the text it already holds says nothing again, and records nothing. Once per page.
 */
export async function announcementsOf(page: Page, selector: string): Promise<string[]> {
  const said: string[] = [];
  await page.exposeFunction('announced', (text: string) => said.push(text));
  await page.locator(selector).waitFor({ state: 'attached' });
  await page.evaluate(`(() => {
    const region = document.querySelector(${JSON.stringify(selector)});
    const changed = () => { if (region.textContent) window.announced(region.textContent); };
    new MutationObserver(changed).observe(region, { childList: true, characterData: true, subtree: true });
  })()`);
  return said;
}

interface GraphqlRequest {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * Holds back the answers to the page's requests of one GraphQL operation (by name, or those `holds` picks): the server
 * does the work at once, the page hears of it only once `release` is called. `serverAnswered` resolves when the server
 * has answered the first one.
 */
export async function holdAnswers(
  page: Page,
  holds: string | ((request: GraphqlRequest) => boolean),
): Promise<{ serverAnswered: Promise<void>; release: () => void }> {
  const held = typeof holds === 'string' ? (request: GraphqlRequest) => request.operationName === holds : holds;
  let answered = (): void => undefined;
  const serverAnswered = new Promise<void>((resolve) => (answered = resolve));
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql', async (route) => {
    const request = route.request().postDataJSON() as GraphqlRequest | null;
    if (!request || !held(request)) return route.continue();
    const response = await route.fetch();
    answered();
    await released;
    await route.fulfill({ response });
  });
  return { serverAnswered, release };
}
