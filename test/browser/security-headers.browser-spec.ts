import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { TestApp } from '../support/test-app.js';
import { askQuestion } from './support/forum.js';
import { cspViolations, launchBrowser, newContext } from './support/browser.js';

describe('the web app under the API security headers', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await TestApp.start({ WEB_DIST_PATH: 'dist/web' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('runs with a strict Content-Security-Policy: pages render, live updates connect, nothing is refused', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const { id: threadId } = await askQuestion(app, member.token, {
      title: 'Where do I find the QR code again?',
      body: 'I set up two-factor but lost the QR code.',
    });
    context = await newContext(browser, app, { token: member.token });
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('link', { name: 'Where do I find the QR code again?' }).waitFor();
    await page.goto(`/t/${threadId}`);
    await page.getByRole('heading', { name: 'Where do I find the QR code again?' }).waitFor();
    await page.goto('/ask');
    await page.getByLabel('Title').waitFor();
    await expect.poll(() => sockets.length).toBeGreaterThan(0);
    expect(cspViolations).toEqual([]);
  });
});
