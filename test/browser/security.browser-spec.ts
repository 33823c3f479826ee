import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, testPassword } from '../support/accounts.js';
import { screenshot } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';

describe('the security page: the password and other devices', () => {
  const forum = useBrowserApp();

  const signIn = (username: string, password: string) =>
    forum.app.request<{ signIn: { token: string } | null }>('mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }', {
      input: { login: username, password },
    });
  const me = async (token: string) => (await forum.app.query<{ me: { id: string } | null }>('{ me { id } }', {}, { token })).me;

  it('changes the password against the current one and signs the other devices out; this browser stays signed in', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const phoneSession = (await signIn(member.username, testPassword)).data!.signIn!.token;
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { name: 'Password', exact: true }).waitFor();

    // A new password the API refuses is named as the field is labelled, not by the API's name for it.
    await page.getByLabel('Current password').fill(testPassword);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').getByText('New password must be 10–200 characters long', { exact: true }).waitFor();

    const newPassword = 'a brand new passphrase';
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').getByText('That is not the password of this account').waitFor();
    expect(await me(phoneSession)).toMatchObject({ id: member.id });

    await page.getByLabel('Current password').fill(testPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Your password is changed').waitFor();
    await screenshot(page, 'security');
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    expect(await me(phoneSession)).toBeNull();
    expect((await signIn(member.username, testPassword)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn(member.username, newPassword)).data?.signIn?.token).toEqual(expect.any(String));

    await page.reload();
    await page.getByRole('link', { name: member.username }).waitFor();
  });

  it('signs out everywhere else, and says how many sessions ended', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const others = [
      (await signIn(member.username, testPassword)).data!.signIn!.token,
      (await signIn(member.username, testPassword)).data!.signIn!.token,
    ];
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/account/security');
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('status').getByText('Signed out of 2 other sessions.').waitFor();
    for (const token of others) expect(await me(token)).toBeNull();
    expect(await me(member.token)).toMatchObject({ id: member.id });
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('status').getByText('You were signed in nowhere else.').waitFor();
  });

  it("sends a signed-in person only to a page of this site, whatever the link's next= says", async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const landing = async (page: Page) => {
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      return new URL(page.url());
    };
    const hostile = ['https://evil.example/', '//evil.example/', '/\\evil.example/', '/%09/evil.example/', '/%5Cevil.example/'];

    // Through the form, as from a link in a phishing mail.
    const page = await (await forum.open()).newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent(hostile[2])}`);
    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill(testPassword);
    await page.keyboard.press('Enter');
    const afterForm = await landing(page);
    expect([afterForm.origin, afterForm.pathname]).toEqual([new URL(forum.app.url).origin, '/']);

    // Already signed in: the page forwards at once.
    const signedIn = await (await forum.open({ token: member.token })).newPage();
    for (const next of hostile) {
      await signedIn.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      const url = await landing(signedIn);
      expect([url.origin, url.pathname], next).toEqual([new URL(forum.app.url).origin, '/']);
      expect(await signedIn.getByRole('heading', { name: 'Something went wrong' }).count(), next).toBe(0);
    }
    await signedIn.goto(`/sign-in?next=${encodeURIComponent('/ask?topic=phone#draft')}`);
    const own = await landing(signedIn);
    expect(`${own.pathname}${own.search}${own.hash}`).toBe('/ask?topic=phone#draft');
  });
});
