import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { announcementsOf, desktop, phone, screenshot, screenshotBoth, sidewaysScroll } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion } from './support/forum.js';
import { signInThroughForm } from './support/sign-in.js';

const backupCodesQuestion = 'I turned on two-factor authentication yesterday and never got any backup codes. Where can I find them?';

/** Whether the element is wholly inside the visible part of the page. */
async function inView(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const viewport = page.viewportSize();
  return Boolean(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height);
}

/** Which side of its box the text of the element's first line starts from: a paragraph lines up on its start. */
function sideOf(element: ReturnType<Page['locator']>): Promise<'left' | 'right'> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const range = node.ownerDocument.createRange();
    range.selectNodeContents(node);
    const firstLine = range.getClientRects()[0];
    return box.right - firstLine.right < firstLine.left - box.left ? 'right' : 'left';
  });
}

describe('asking a question', () => {
  const forum = useBrowserApp();

  it('on a phone shows the best suggestion right under the field being typed, with "This solves my problem" in view', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: account.token, viewport: phone });
    const page = await context.newPage();
    await page.goto('/ask');
    await page.getByLabel('Title').fill('Backup codes missing');
    const details = page.getByRole('textbox', { name: 'Details' });
    await details.click();
    await details.pressSequentially(backupCodesQuestion.slice(0, 60));
    await details.fill(backupCodesQuestion);

    const inline = page.getByRole('region', { name: 'Best answer so far' });
    await inline.getByText('Why there are no backup codes').waitFor();
    // Right under the details, while the keyboard is in the details: no scrolling to find it. The phone's
    // keyboard leaves about 480 px of its 844; the details scroll to the top of what is left as people type.
    await expect(details.evaluate((field) => field === field.ownerDocument.activeElement)).resolves.toBe(true);
    await page.setViewportSize({ width: phone.width, height: 480 });
    await details.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const solves = inline.getByRole('button', { name: 'This solves my problem' });
    await expect(inView(page, inline)).resolves.toBe(true);
    await expect(inView(page, solves)).resolves.toBe(true);
    const fieldBottom = await details.boundingBox();
    const inlineTop = await inline.boundingBox();
    await expect(Promise.resolve((inlineTop?.y ?? 0) - ((fieldBottom?.y ?? 0) + (fieldBottom?.height ?? 0)))).resolves.toBeLessThan(120);
    await expect(sidewaysScroll(page)).resolves.toBe(0);
    await page.setViewportSize(phone);
    await screenshot(page, 'ask-phone-inline-suggestion');

    // One line that opens the answer.
    await inline.getByText('Possible answer:').click();
    await inline
      .getByText(/QR code/)
      .first()
      .waitFor();
    await screenshot(page, 'ask-phone-inline-suggestion-open');

    // Wide screens keep the side panel, which is in view there.
    await page.setViewportSize(desktop);
    await expect(inline.isVisible()).resolves.toBe(false);
    await page
      .getByRole('complementary', { name: 'Possible answers' })
      .getByText('Why there are no backup codes')
      .waitFor({ timeout: 5000 });
    await page.setViewportSize(phone);

    // By keyboard: the form goes, with the button pressed, and focus goes on to what replaces it, then back to the form.
    await solves.press('Enter');
    const solved = page.getByRole('heading', { name: 'Glad that solved it' });
    await solved.waitFor();
    await expect.poll(() => solved.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const title = page.getByLabel('Title');
    await expect.poll(() => title.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
  });

  it('says how many answers it suggests in one short line as it changes, not the whole list again', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    await page.goto('/ask');
    const panel = page.getByRole('complementary', { name: 'Possible answers' });
    const summary = panel.getByTestId('suggestions-summary');
    await expect(summary.getAttribute('role')).resolves.toBe('status');
    const said = await announcementsOf(page, '[data-testid="suggestions-summary"]');

    const type = async (draft: { title: string; details: string }) => {
      const answered = page.waitForResponse((response) => response.request().postData()?.includes('SuggestAnswers') ?? false);
      await page.getByLabel('Title').fill(draft.title);
      await page.getByRole('textbox', { name: 'Details' }).fill(draft.details);
      await answered;
    };
    await type({ title: 'Backup codes missing', details: backupCodesQuestion });
    await expect.poll(() => said).toEqual(['1 suggested answer']);
    // The answer is an item of an ordinary list beside the live region, not in it.
    await panel.getByRole('listitem').getByText('Why there are no backup codes').waitFor();
    await expect(page.locator('[aria-live] li, [role="status"] li').count()).resolves.toBe(0);

    // The same suggestions for a longer draft say nothing new (had they, it would be listed below).
    await type({ title: 'Backup codes missing', details: `${backupCodesQuestion} I looked everywhere.` });
    await type({ title: 'Garden hose drips at the outdoor tap', details: 'Which washer size fits it, and should I wrap the thread?' });
    await expect.poll(() => said).toEqual(['1 suggested answer', 'No suggested answer']);
  });

  it('lines a right-to-left question up on the right, in the list and on its page, and English on the left', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const title = 'لا أجد رموز الاحتياط بعد تفعيل المصادقة الثنائية';
    const thread = await askQuestion(forum.app, account.token, {
      title,
      body: 'فعّلت المصادقة الثنائية أمس ولا أجد رموز الاحتياط. هل فاتتني خطوة؟ I use the app on my phone.\n\nEnglish after it.',
    });
    const context = await forum.open({ token: account.token, viewport: phone });
    const page = await context.newPage();

    await page.goto('/');
    await expect(sideOf(page.locator('.thread-item__title', { hasText: title }))).resolves.toBe('right');

    await page.goto(`/t/${thread.id}`);
    const question = page.locator('.post--question');
    await expect(sideOf(question.getByRole('heading', { name: title }))).resolves.toBe('right');
    await expect(sideOf(question.locator('.prose p').first())).resolves.toBe('right');
    await expect(sideOf(question.locator('.prose p').last())).resolves.toBe('left');
    await screenshot(page, 'right-to-left-question');
  });

  it('says "Sign in to ask" to an anonymous asker, and brings them back to the draft', async () => {
    await forum.app.query(
      `mutation { signUp(input: { username: "ines", email: "ines@example.test", password: "the right password" }) { token } }`,
    );
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Ask', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to ask' }).waitFor();
    await screenshotBoth(page, 'sign-in-to-ask');
    await signInThroughForm(page, 'ines', { password: 'the right password' });
    await page.waitForURL(/\/ask$/);
    await page.getByRole('heading', { name: 'Ask a question' }).waitFor();
  });

  it('says a restored draft is back and offers to discard it', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    await page.goto('/ask');
    await page.getByLabel('Title').fill('Codes from my old phone');
    await page.getByRole('textbox', { name: 'Details' }).fill('My old phone had the authenticator app and it broke.');
    await page.getByRole('link', { name: 'Questions' }).click();
    await page.getByRole('link', { name: 'Ask', exact: true }).click();

    const bar = page.getByRole('group', { name: 'Your draft' });
    await bar.getByText('Your unfinished question is back, as you left it.').waitFor();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Codes from my old phone');
    await screenshotBoth(page, 'ask-restored-draft');
    await bar.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('');
    await expect(page.getByRole('textbox', { name: 'Details' }).inputValue()).resolves.toBe('');
    await expect(bar.isVisible()).resolves.toBe(false);
    await page.reload();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('');

    // A draft being written can be thrown away too, beside the Post button.
    await page.getByLabel('Title').fill('Something else entirely');
    await expect(bar.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('');
  });
});
