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
});
