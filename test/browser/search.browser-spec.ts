import { describe, expect, it } from 'vitest';
import { phone, sidewaysScroll } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';

describe('searching', () => {
  const forum = useBrowserApp();

  it('wraps the longest query one can search for, a pasted word without spaces, at phone width', async () => {
    const pasted = 'x'.repeat(200);
    const page = await (await forum.open({ viewport: phone })).newPage();
    await page.goto(`/?q=${pasted}`);
    await page.getByText(`Nothing matches “${pasted}”.`).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });

  it('says a search from a link is too long instead of showing the API error and a retry that fails again', async () => {
    const page = await (await forum.open()).newPage();
    const graphqlRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('query Search')) graphqlRequests.push(request.url());
    });
    await page.goto(`/?q=${'long words '.repeat(25)}`);
    await page.getByText('That search is too long.').waitFor();
    await expect(page.getByText(/this one has 274/).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    expect(graphqlRequests).toEqual([]);
  });
});
