import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { axeViolations } from './support/axe.js';
import { screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion, reply } from './support/forum.js';

/**
 * Whether `text`, inside the first element matching `within`, sits in an element that holds only it and isolates it from
 * the sentence around it for the bidi algorithm (a <bdi>, dir="auto", or unicode-bidi: plaintext on a block of its own).
 */
function isIsolated(page: Page, within: string, text: string): Promise<boolean> {
  return page
    .locator(within)
    .first()
    .evaluate((root, text) => {
      const document = root.ownerDocument;
      const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      let node = walker.nextNode();
      while (node && !node.textContent?.includes(text)) node = walker.nextNode();
      if (!node) throw new Error(`"${text}" is not there`);
      for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
        if (element.textContent?.trim() !== text) return false;
        if (['isolate', 'isolate-override', 'plaintext'].includes(document.defaultView!.getComputedStyle(element).unicodeBidi)) return true;
      }
      return false;
    }, text);
}

describe('right-to-left text people write, inside the sentences of the interface', () => {
  const forum = useBrowserApp();

  it('is isolated in the notifications, the moderation log and the page title, and axe finds nothing', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'samira');
    const helper = await createAccount(forum.app, Role.MEMBER, 'yosef');
    const staff = await createAccount(forum.app, Role.STAFF, 'noor');
    // "Can I move my verification codes to a new phone?", ending in an Arabic question mark.
    const title = 'هل يمكنني نقل رموز التحقق إلى هاتف جديد؟';
    const thread = await askQuestion(forum.app, asker.token, {
      title,
      body: 'اشتريت هاتفا جديدا وأريد أن أنقل إليه تطبيق المصادقة دون أن أفقد الدخول إلى حسابي.',
    });
    await reply(forum.app, helper.token, thread.id, 'Turn two-factor sign-in off and on again from a device where you are signed in.');
    // "Answered in a reply", as the staff member's reason: the moderation log shows it after "Note:".
    const reason = 'تمت الإجابة في رد 2';
    await forum.app.query(
      `mutation Lock($id: ID!, $reason: String) { lockThread(threadId: $id, reason: $reason) { id } }`,
      {
        id: thread.id,
        reason,
      },
      { token: staff.token },
    );

    const askerPage = await (await forum.open({ token: asker.token })).newPage();
    await askerPage.goto('/notifications');
    await askerPage.getByRole('link', { name: new RegExp(`^New: yosef replied to your question ${title}`) }).waitFor();
    await expect(isIsolated(askerPage, 'li.notification', title)).resolves.toBe(true);
    await screenshotBoth(askerPage, 'notifications-right-to-left');
    await expect(axeViolations(askerPage)).resolves.toEqual([]);

    await askerPage.goto(`/t/${thread.id}`);
    await askerPage.getByRole('heading', { level: 1, name: title }).waitFor();
    // The tab's title: no markup there, so the Unicode isolates FSI and PDI keep " · 2FA Help Forum" on the right.
    await expect.poll(() => askerPage.title()).toBe(`\u2068${title}\u2069 · 2FA Help Forum`);

    const staffPage = await (await forum.open({ token: staff.token })).newPage();
    await staffPage.goto('/staff/log');
    const entry = staffPage.locator('li.moderation-log__entry').filter({ hasText: title });
    await entry.waitFor();
    await expect(isIsolated(staffPage, 'li.moderation-log__entry', title)).resolves.toBe(true);
    await expect(isIsolated(staffPage, 'li.moderation-log__entry', reason)).resolves.toBe(true);
    await screenshotBoth(staffPage, 'moderation-log-right-to-left');
    await expect(axeViolations(staffPage)).resolves.toEqual([]);
  });
});
