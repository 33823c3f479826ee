import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAccount, testPassword, type TestAccount } from '../support/accounts.js';
import { screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion, threadPageIsLive, threadSubscribers } from './support/forum.js';

describe('a session that ends elsewhere while the page is open', () => {
  const forum = useBrowserApp();

  const anotherSession = async (member: TestAccount) =>
    (
      await forum.app.query<{ signIn: { token: string } }>('mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { login: member.username, password: testPassword },
      })
    ).signIn.token;

  const signedOutNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'You were signed out' });

  /** A member on a question of someone else's, with half a reply typed; `live` waits for the page's live updates. */
  async function writingAReply(member: TestAccount, page: Page, { live }: { live: boolean }): Promise<string> {
    const asker = await createAccount(forum.app);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Backup codes gone after a phone reset',
      body: 'I reset my phone and the authenticator app lost every account. Where do I find my backup codes now?',
    });
    const before = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await page.getByRole('link', { name: member.username }).waitFor();
    if (live) await threadPageIsLive(page, forum.app, thread.id, before);
    await page.getByLabel('Reply', { exact: true }).fill(halfAReply);
    return thread.id;
  }

  const halfAReply = 'Your recovery codes were shown once, when you turned two-factor on; if you printed';

  /** Signs in again through the notice's link, and comes back to the page it was on. */
  async function signInAgain(page: Page, member: TestAccount, path: string, password = testPassword): Promise<void> {
    await signedOutNotice(page).getByRole('link', { name: 'Sign in again' }).click();
    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: member.username }).waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await signedOutNotice(page).count()).toBe(0);
  }

  it('shows the page as a visitor sees it as soon as the socket is closed, says so once, and keeps the reply', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const threadId = await writingAReply(member, page, { live: true });

    // "Sign out everywhere else" on another device: nothing is clicked here, the server closes the socket (4401).
    await forum.app.query('mutation { signOutOtherSessions }', {}, { token: await anotherSession(member) });

    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signedOutNotice(page).waitFor();
    expect(await signedOutNotice(page).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await page.getByText('to reply.').waitFor();
    await screenshotBoth(page, 'signed-out-elsewhere');

    await signInAgain(page, member, `/t/${threadId}`);
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe(halfAReply);
  });

  it('notices from a refused request when no socket tells it, e.g. posting after a new password elsewhere', async () => {
    const member = await createAccount(forum.app);
    const context = await forum.open({ token: member.token });
    // The live socket never answers: only the refused request can say the session ended.
    await context.routeWebSocket(/\/graphql$/, () => undefined);
    const page = await context.newPage();
    const threadId = await writingAReply(member, page, { live: false });

    const newPassword = 'a new passphrase from the other device';
    await forum.app.query(
      'mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: testPassword, newPassword } },
      { token: await anotherSession(member) },
    );
    await page.getByRole('button', { name: 'Post reply' }).click();

    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signedOutNotice(page).waitFor();
    await signInAgain(page, member, `/t/${threadId}`, newPassword);
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe(halfAReply);
  });

  it('a wrong password on the sign-in page is its own message, not a notice of being signed out', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That username or password is not right').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('You were signed out').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signing out here forgets the unsent reply and question: the next person at this browser does not find them', async () => {
    const member = await createAccount(forum.app);
    const next = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const threadId = await writingAReply(member, page, { live: false });
    await page.goto('/ask');
    await page.getByLabel('Title').fill('My authenticator app is gone after a reset');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Username or email').fill(next.username);
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: next.username }).waitFor();

    await page.goto(`/t/${threadId}`);
    await page.getByLabel('Reply', { exact: true }).waitFor();
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe('');
    await page.goto('/ask');
    await page.getByLabel('Title').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });
});
