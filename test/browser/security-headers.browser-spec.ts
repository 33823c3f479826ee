import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { askQuestion } from './support/forum.js';
import { cspViolations } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';

describe('the web app under the API security headers', () => {
  const forum = useBrowserApp();

  it('runs with a strict Content-Security-Policy: pages render, live updates connect, nothing is refused', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const { id: threadId } = await askQuestion(forum.app, member.token, {
      title: 'Where do I find the QR code again?',
      body: 'I set up two-factor but lost the QR code. The page now looks like this: ![Security page](https://img.test/security.png)',
    });
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const otherHosts: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(forum.app.url) && !request.url().startsWith('data:')) otherHosts.push(request.url());
    });

    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("img-src 'self' data:;");
    await page.getByRole('link', { name: 'Where do I find the QR code again?' }).waitFor();
    await page.goto(`/t/${threadId}`);
    await page.getByRole('heading', { name: 'Where do I find the QR code again?' }).waitFor();
    // The post's image is a link the reader may open; reading the thread fetches nothing from the image's host.
    const imageLink = page.getByRole('link', { name: 'Image: Security page' });
    await expect(imageLink.getAttribute('href')).resolves.toBe('https://img.test/security.png');
    await expect(imageLink.getAttribute('rel')).resolves.toBe('ugc nofollow noopener noreferrer');
    await expect(page.locator('.prose img').count()).resolves.toBe(0);
    await page.goto('/ask');
    await page.getByLabel('Title').waitFor();
    await expect.poll(() => sockets.length).toBeGreaterThan(0);
    expect(cspViolations).toEqual([]);
    expect(otherHosts).toEqual([]);
  });
});
