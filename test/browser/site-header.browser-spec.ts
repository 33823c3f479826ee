import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { sidewaysScroll } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';

const smallPhone = { width: 375, height: 740 };

interface HeaderLayout {
  height: number;
  /** The tallest link or button: the height of one row. */
  rowHeight: number;
  /** How many rows the links and buttons sit in (a row begins below the bottom of the one before). */
  rows: number;
  /** Links and buttons not wholly in the viewport, or covered where one would tap them. */
  unreachable: string[];
}

function headerLayout(page: Page): Promise<HeaderLayout> {
  return page.getByRole('banner').evaluate((header) => {
    const document = header.ownerDocument;
    const { clientWidth, clientHeight } = document.documentElement;
    const controls = [...header.querySelectorAll('a, button')];
    const boxes = controls.map((control) => control.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= rowBottom) {
        rows++;
        rowBottom = box.bottom;
      } else rowBottom = Math.max(rowBottom, box.bottom);
    }
    const unreachable = controls.filter((control) => {
      const box = control.getBoundingClientRect();
      const inView = box.width > 0 && box.left >= 0 && box.right <= clientWidth && box.top >= 0 && box.bottom <= clientHeight;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !inView || !hit || !control.contains(hit);
    });
    return {
      height: header.getBoundingClientRect().height,
      rowHeight: Math.max(...boxes.map((box) => box.height)),
      rows,
      unreachable: unreachable.map((control) => control.getAttribute('aria-label') ?? control.textContent ?? ''),
    };
  });
}

describe('the site header', () => {
  const forum = useBrowserApp();

  it('fits two rows at 375 px, for a visitor and for staff with the longest username, every link and button in view', async () => {
    const staff = await createAccount(forum.app, Role.STAFF, 'W'.repeat(32));
    for (const token of [undefined, staff.token]) {
      const page = await (await forum.open({ token, viewport: smallPhone })).newPage();
      await page.goto('/');
      const account = token ? page.getByRole('link', { name: 'W'.repeat(32) }) : page.getByRole('link', { name: 'Sign in' });
      await account.first().waitFor();
      await expect(sidewaysScroll(page)).resolves.toBe(0);
      const layout = await headerLayout(page);
      expect(layout.unreachable).toEqual([]);
      expect(layout.rows).toBeLessThanOrEqual(2);
      // Two rows, the header's padding and the gap between them: a third row would need another row height.
      expect(layout.height).toBeLessThan(3 * layout.rowHeight);
      // All of it, by the names a reader hears.
      const header = page.getByRole('banner');
      const names = token
        ? ['Questions', 'Ask', 'Staff', 'W'.repeat(32), 'Security', 'Notifications, none unread']
        : ['Questions', 'Ask', 'Sign in', 'Sign up'];
      for (const name of names) await expect(header.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true);
      if (token) await expect(header.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    }
  });
});
