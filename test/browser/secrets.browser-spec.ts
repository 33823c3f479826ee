import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, TestAccount } from '../support/accounts.js';
import { phone, screenshot } from './support/browser.js';
import { askQuestion, reply } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';

describe('secrets in the composer', () => {
  const forum = useBrowserApp();
  let member: TestAccount;

  beforeAll(async () => {
    member = await createAccount(forum.app, Role.MEMBER, 'ines_r');
  });

  it('explains a pasted setup key in the reply box and keeps the reply unsent until it is removed', async () => {
    const thread = await askQuestion(forum.app, member.token, {
      title: 'Authenticator codes are refused',
      body: 'Every code from my authenticator app is refused when I sign in.',
    });
    const context = await forum.open({ token: member.token, viewport: phone });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const reply = page.getByLabel('Reply', { exact: true });
    await reply.fill('This is what the site showed me: gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    const warning = page.getByRole('alert').filter({ hasText: "Please don't post this" });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('The setup key lets anyone generate your codes');
    await expect(page.getByRole('button', { name: 'Post reply' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'secret-refused');

    await reply.fill('The site showed me a key, and my phone clock was five minutes slow.');
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByText('my phone clock was five minutes slow').first().waitFor();
  });

  it('explains recovery codes in the ask form, title or body', async () => {
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    await page.goto('/ask');
    await page.getByLabel('Title').fill('Which of my backup codes still work?');
    await page.getByRole('textbox', { name: 'Details' }).fill('I have these:\n\n1234 5678\n8812 0934\n5521 7730\n3308 4419');
    await page.getByRole('alert').filter({ hasText: 'a list of recovery codes' }).waitFor();
    await expect(page.getByRole('button', { name: 'Post your question' }).isDisabled()).resolves.toBe(true);
  });

  it('explains a single recovery code and a stated password, and lets the same words without them through', async () => {
    const thread = await askQuestion(forum.app, member.token, {
      title: 'Locked out after a new phone',
      body: 'My new phone has no authenticator and the site asks for a code.',
    });
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const reply = page.getByLabel('Reply', { exact: true });
    const post = page.getByRole('button', { name: 'Post reply' });
    const warning = page.getByRole('alert').filter({ hasText: "Please don't post this" });

    await reply.fill('Update: I tried the code 4kq9-x2mp-7fht from my emergency kit, still refused.');
    await warning.filter({ hasText: 'what looks like a recovery code' }).waitFor();
    await expect(warning.textContent()).resolves.toContain('generate new recovery codes once you are signed in');
    await expect(post.isDisabled()).resolves.toBe(true);

    await reply.fill('Update: my master password is Tr0ub4dor&3, if that helps.');
    await warning.filter({ hasText: 'what looks like your password' }).waitFor();
    await expect(post.isDisabled()).resolves.toBe(true);

    await reply.fill('Update: my password is correct, and the app shows 492 817 but says invalid.');
    await warning.waitFor({ state: 'detached' });
    await post.click();
    await page.getByText('the app shows 492 817 but says invalid').first().waitFor();
  });

  it("warns the asker on a stranger's reply that asks for their code", async () => {
    const stranger = await createAccount(forum.app, Role.MEMBER, 'quick_helper');
    const thread = await askQuestion(forum.app, member.token, {
      title: 'New phone, codes gone',
      body: 'I moved to a new phone and the authenticator app is empty now.',
    });
    await reply(forum.app, stranger.token, thread.id, 'I can fix this for you. Send me the code you just got by text.');
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const warning = page.getByRole('note', { name: 'Safety warning' });
    await warning.getByText('Staff never ask for your codes or passwords.').waitFor();
    await expect(page.getByRole('note', { name: 'Safety warning' }).count()).resolves.toBe(1);
  });
});
