import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { liveChannels } from '../../apps/api/src/live/live-pubsub.js';
import { createAccount, enrolTwoFactor, testPassword, type TestAccount } from '../support/accounts.js';
import { listenerCount, until } from '../support/live-client.js';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { signInThroughForm } from './support/sign-in.js';

describe('the security page: the password, and where you are signed in', () => {
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

  /** Signs in through the form in a new browser profile, onto the Security page: that browser's page. */
  async function signedInBrowser(member: TestAccount, code?: string): Promise<Page> {
    const page = await (await forum.open()).newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent('/account/security')}`);
    await signInThroughForm(page, member.username, { code });
    await page.getByRole('heading', { name: 'Where you’re signed in' }).waitFor();
    // Its bell listens on the page's socket, which the end of its session closes.
    await until(() => listenerCount(forum.app, liveChannels.notifications(Number(member.id))) >= 1, "the member's bell listening");
    return page;
  }
  /**
   * A member who turned two-factor sign-in on from an API client, then signed in with a code on a laptop and on a phone:
   * the phone's lists of remembered devices and of sessions (the phone's, the laptop's, the API client's).
   */
  async function laptopAndPhoneWithCodes() {
    const member = await createAccount(forum.app, Role.MEMBER);
    const { recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const laptop = await signedInBrowser(member, recoveryCodes[0]);
    const phone = await signedInBrowser(member, recoveryCodes[1]);
    const devices = phone.getByRole('list', { name: 'Remembered devices' });
    const sessions = phone.getByRole('list', { name: 'Where you’re signed in' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(3);
    // The phone's own device, the laptop's and the API client's: read apart from the sessions.
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(3);
    return { member, laptop, phone, devices, sessions };
  }
  const signedOutNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'You were signed out' });
  const sessionLabels = async (member: TestAccount) =>
    (await forum.app.query<{ sessions: { label: string }[] }>('{ sessions { label } }', {}, { token: member.token })).sessions.map(
      (session) => session.label,
    );

  it('lists where you are signed in, this browser marked, and signs another browser out from here', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const laptop = await signedInBrowser(member);
    const phone = await signedInBrowser(member);
    await until(() => listenerCount(forum.app, liveChannels.notifications(Number(member.id))) === 2, 'both browsers listening');

    const sessions = phone.getByRole('list', { name: 'Where you’re signed in' });
    const rows = sessions.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(3);
    // The latest used first: this browser (Chromium says Chrome), the laptop, and the session createAccount made.
    expect((await rows.allInnerTexts()).map((text) => text.split('\n')[0])).toEqual([
      'Chrome on Linux This browser',
      'Chrome on Linux',
      'API client',
    ]);
    await expect(
      rows
        .first()
        .getByText(/^Signed in just now, active now$/)
        .count(),
    ).resolves.toBe(1);
    await expect(
      rows
        .nth(1)
        .getByText(/^Signed in just now, last active just now$/)
        .count(),
    ).resolves.toBe(1);
    // Only the others have a Sign out of their own.
    await expect(rows.first().getByRole('button').count()).resolves.toBe(0);
    await expect(axeViolations(phone).then((violations) => violations.map((violation) => violation.id))).resolves.toEqual([]);
    await screenshot(phone, 'security-signed-in');

    await phone.getByRole('button', { name: /^Sign out Chrome on Linux, signed in / }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // Focus goes on to the next row's button.
    const apiClientButton = phone.getByRole('button', { name: /^Sign out API client, signed in / });
    await expect.poll(() => apiClientButton.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    // The laptop is told at once, nothing clicked there.
    await signedOutNotice(laptop).waitFor();
    await laptop.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await sessionLabels(member)).toEqual(['Chrome on Linux', 'API client']);
    expect(await signedOutNotice(phone).count()).toBe(0);
  });

  it('forgets a lost device and signs out where it signed in with a code, or only forgets it', async () => {
    const { member, laptop, phone, devices, sessions } = await laptopAndPhoneWithCodes();
    // This browser's device is forgotten with Forget alone: it signs out with the header's Sign out.
    await expect(devices.getByRole('button', { name: /^Forget and sign out Chrome on Linux \(this browser\)/ }).count()).resolves.toBe(0);
    await expect(axeViolations(phone).then((violations) => violations.map((violation) => violation.id))).resolves.toEqual([]);

    // The laptop is the other Chrome on Linux, added before this browser's.
    await phone.getByRole('button', { name: /^Forget and sign out Chrome on Linux, added / }).click();
    await signedOutNotice(laptop).waitFor();
    await expect.poll(() => sessions.count()).toBe(2);
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(2);
    expect(await sessionLabels(member)).toEqual(['Chrome on Linux', 'API client']);

    // Forgetting alone signs nothing out: the API client that turned it on stays signed in.
    await phone.getByRole('button', { name: /^Forget API client, added / }).click();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);
    expect(await sessionLabels(member)).toEqual(['Chrome on Linux', 'API client']);
    expect(await signedOutNotice(phone).count()).toBe(0);
  });

  it('names the remembered device each session signed in with a code from, until that device is forgotten', async () => {
    const { phone, devices, sessions } = await laptopAndPhoneWithCodes();
    const fromDevice = (row: number) => sessions.nth(row).getByText(/^Signed in with two-factor from/);
    // The latest used first: this browser, the laptop, and the API client that signed in before it turned two-factor on.
    await expect(fromDevice(0).innerText()).resolves.toBe(
      'Signed in with two-factor from the remembered device Chrome on Linux (this browser)',
    );
    await expect(fromDevice(1).innerText()).resolves.toBe(
      'Signed in with two-factor from the remembered device Chrome on Linux, added just now',
    );
    await expect(fromDevice(2).count()).resolves.toBe(0);
    await expect(axeViolations(phone).then((violations) => violations.map((violation) => violation.id))).resolves.toEqual([]);

    // Forgetting the laptop alone keeps its session, which no longer names a device.
    await phone.getByRole('button', { name: /^Forget Chrome on Linux, added / }).click();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => fromDevice(1).count()).toBe(0);
    await expect(sessions.count()).resolves.toBe(3);
    await expect(fromDevice(0).count()).resolves.toBe(1);
  });

  it('forgets every other device and signs out where they signed in with a code', async () => {
    const { member, laptop, phone, devices, sessions } = await laptopAndPhoneWithCodes();

    // The laptop's device and the API client's that turned two-factor on.
    await phone.getByRole('button', { name: 'Forget and sign out all other devices' }).click();
    await phone.getByRole('status').getByText('Forgot 2 other devices and signed out where they signed in with a code.').waitFor();
    await signedOutNotice(laptop).waitFor();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => sessions.count()).toBe(2);
    // The buttons left with the rows: focus is on the list.
    await expect.poll(() => devices.evaluate((list) => list === list.ownerDocument.activeElement)).toBe(true);
    await expect(phone.getByRole('button', { name: 'Forget and sign out all other devices' }).count()).resolves.toBe(0);
    // The API client signed in before it turned two-factor on, through no device: it stays, as does this browser.
    expect(await sessionLabels(member)).toEqual(['Chrome on Linux', 'API client']);
    expect(await signedOutNotice(phone).count()).toBe(0);
    await expect(axeViolations(phone).then((violations) => violations.map((violation) => violation.id))).resolves.toEqual([]);
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
    await signInThroughForm(page, member.username);
    const afterForm = await landing(page);
    expect([afterForm.origin, afterForm.pathname]).toEqual([new URL(forum.app.url).origin, '/']);

    // Already signed in: the page forwards at once.
    const signedIn = await (await forum.open({ token: member.token })).newPage();
    for (const next of hostile) {
      await signedIn.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      const url = await landing(signedIn);
      expect([url.origin, url.pathname], next).toEqual([new URL(forum.app.url).origin, '/']);
      // The address changes before the page it leads to renders.
      await signedIn.getByRole('heading', { name: 'Questions', level: 1 }).waitFor();
      expect(await signedIn.getByRole('heading', { name: 'Something went wrong' }).count(), next).toBe(0);
    }
    await signedIn.goto(`/sign-in?next=${encodeURIComponent('/ask?topic=phone#draft')}`);
    const own = await landing(signedIn);
    expect(`${own.pathname}${own.search}${own.hash}`).toBe('/ask?topic=phone#draft');
  });
});
