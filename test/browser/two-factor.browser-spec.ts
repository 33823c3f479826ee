import { readFileSync } from 'node:fs';
import { DataSource, In } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { RecoveryCodeEntity } from '../../apps/api/src/two-factor/recovery-code.entity.js';
import { UserEntity } from '../../apps/api/src/users/user.entity.js';
import { createAccount, enrolTwoFactor, testPassword, totpCode } from '../support/accounts.js';
import { firefoxOnWindows } from '../support/devices.js';
import { codeOf } from '../support/test-app.js';
import { announcementsOf, graphqlTrafficOf, holdAnswers, phone, screenshot, sidewaysScroll } from './support/browser.js';
import { axeViolations } from './support/axe.js';
import { useBrowserApp } from './support/browser-app.js';
import { signInThroughForm } from './support/sign-in.js';

const password = 'correct horse battery';

describe('two-factor sign-in in the web app', () => {
  const forum = useBrowserApp({ RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS: '100000' });

  /** The sessions an account has in browsers, leaving out the API client's that asks. */
  const browserSessionsOf = async (token: string) =>
    (await forum.app.query<{ sessions: { label: string }[] }>('{ sessions { label } }', {}, { token })).sessions.filter(
      (session) => session.label !== 'API client',
    ).length;

  beforeAll(async () => {
    await forum.app.query(
      `mutation { signUp(input: { username: "noor_h", email: "noor@example.test", password: "${password}" }) { token } }`,
    );
  });

  it('turns on with the keyboard, shows the recovery codes once, then signs in with a code and turns off', async () => {
    const context = await forum.open({ viewport: phone });
    const page = await context.newPage();
    await page.goto('/sign-in?next=%2Faccount%2Ftwo-factor');
    await signInThroughForm(page, 'noor_h', { password });
    await page.getByRole('heading', { name: 'Two-factor sign-in is off' }).waitFor();

    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const setupKey = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
    expect(setupKey).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'two-factor-enrolment');

    // The session alone does not turn it on: a wrong password is refused, the right one is needed.
    await page.getByLabel('Code from the app').fill(await totpCode(setupKey));
    await page.getByLabel('Your password').fill('not my password');
    await page.keyboard.press('Enter');
    await page.getByText('That is not the password of this account').waitFor();
    await page.getByLabel('Your password').fill(password);
    await page.keyboard.press('Enter');
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    await expect(codes.count()).resolves.toBe(10);
    const shown = (await codes.allTextContents()).map((code) => code.trim());
    await screenshot(page, 'two-factor-recovery-codes');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as text' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    for (const code of shown) expect(text).toContain(code);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('You have 10 unused recovery codes').waitFor();

    // New recovery codes take more than the session: a wrong code is refused, a recovery code (spent) is enough.
    const proof = page.getByLabel('Code from the app, or a recovery code');
    await proof.fill('000000');
    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    await page.getByText('That code is not right').waitFor();
    await proof.fill(shown[1]);
    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const fresh = (await codes.allTextContents()).map((code) => code.trim());
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(shown[0]);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('You have 10 unused recovery codes').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.goto('/sign-in');
    await signInThroughForm(page, 'noor_h', { password });
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByLabel('Code').fill('000000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('That code is not right').waitFor();
    await page.getByLabel('Code').fill(await totpCode(setupKey, 1));
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'noor_h' }).waitFor();

    await page.goto('/account/two-factor');
    await page.getByRole('heading', { name: 'Security', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/security');
    await page.getByRole('button', { name: 'Lost your phone? Use your password and a recovery code' }).click();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByLabel('Recovery code', { exact: true }).fill(fresh[0]);
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('heading', { name: 'Two-factor sign-in is off' }).waitFor();
  });

  it('turns on without an error in the page as everything shown is read again', async () => {
    const member = await createAccount(forum.app);
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const traffic = graphqlTrafficOf(page);
    await page.goto('/account/security');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const setupKey = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(await totpCode(setupKey));
    await page.getByLabel('Your password').fill(testPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('You have 10 unused recovery codes').waitFor();
    // The header's notification count, read again too, arrives after the page's own answer.
    await traffic.settled();
    expect(pageErrors).toEqual([]);
  });

  it("signs the holder's browser in again while someone with the password has spent the account's tries, and tells them", async () => {
    const member = await createAccount(forum.app);
    const { secret, recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const context = await forum.open();
    const page = await context.newPage();
    const signIn = async (code: string) => {
      await page.goto('/sign-in');
      await signInThroughForm(page, member.username, { code });
    };
    // One two-factor sign-in makes this browser known to the account.
    await signIn(recoveryCodes[0]);
    await page.getByRole('link', { name: member.username }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

    // Someone else, with the password and without the app, spends the account's tries for unknown devices.
    const tries: string[] = [];
    for (let round = 0; round < 3; round++) {
      const signedIn = await forum.app.query(
        'mutation S($input: SignInInput!) { signIn(input: $input) { twoFactorChallenge { token } } }',
        { input: { login: member.username, password: testPassword } },
      );
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await forum.app.request(
          'mutation C($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token } }',
          { input: { challenge: signedIn.signIn.twoFactorChallenge.token, code: String(300000 + round * 10 + attempt) } },
        );
        tries.push(codeOf(response));
      }
    }
    expect(tries.slice(-2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);

    await signIn(await totpCode(secret, 1));
    await page.getByRole('link', { name: member.username }).waitFor();
    // The notification says what happened and leads to the password.
    await page.goto('/notifications');
    const notice = page.getByRole('link', { name: /Someone entered your password but not your two-factor code/ });
    await notice.waitFor();
    await expect(notice.count()).resolves.toBe(1);
    await notice.click();
    await page.getByRole('heading', { name: 'Security', exact: true }).waitFor();
  });

  it('tells whoever signs in with a recovery code how many are left and where to make new ones, more strongly at the last', async () => {
    const member = await createAccount(forum.app);
    const { recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const context = await forum.open();
    const page = await context.newPage();
    const signIn = async (code: string) => {
      await page.goto('/sign-in?next=%2Fask');
      await signInThroughForm(page, member.username, { code });
      await page.getByRole('link', { name: member.username }).waitFor();
    };

    await signIn(recoveryCodes[0]);
    const notice = page.locator('.recovery-code-notice');
    await notice.getByText('You signed in with a recovery code').waitFor();
    expect(await notice.innerText()).toContain('You have 9 unused recovery codes left');
    await expect(notice.evaluate((element) => element.classList.contains('notice--warning'))).resolves.toBe(false);
    await notice.getByRole('link', { name: 'on the Security page' }).click();
    await page.getByRole('heading', { name: 'Security', exact: true }).waitFor();
    await page.getByText('You have 9 unused recovery codes. New codes replace all the old ones.').waitFor();
    // It went with the sign-in: the next page does not repeat it.
    await expect(notice.count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    // All but the last are used up, as if on other sign-ins (the rows were stored in the order the codes were shown).
    const stored = forum.app.nest.get(DataSource).getRepository(RecoveryCodeEntity);
    const rows = await stored.find({ where: { userId: Number(member.id) }, order: { id: 'ASC' } });
    await stored.update({ id: In(rows.slice(0, 9).map((row) => row.id)) }, { usedAt: new Date() });
    await signIn(recoveryCodes[9]);
    await notice.getByText('You signed in with your last recovery code.').waitFor();
    await expect(notice.evaluate((element) => element.classList.contains('notice--warning'))).resolves.toBe(true);
    await notice.getByRole('link', { name: 'on the Security page' }).waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    // Dismiss navigates, and React Router applies a navigation in a transition: wait for the notice to go.
    await notice.waitFor({ state: 'detached' });
  });

  it('leaves the code step for another account, without the sign-up link the code step has no use for', async () => {
    const holder = await createAccount(forum.app);
    await enrolTwoFactor(forum.app, holder.token);
    const other = await createAccount(forum.app);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, holder.username);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await expect(page.getByRole('link', { name: 'Create an account' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Use another account' }).click();
    const login = page.getByLabel('Username or email');
    await expect.poll(() => login.evaluate((field) => field === field.ownerDocument.activeElement)).toBe(true);
    await expect(login.inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    // Nothing of the first account's sign-in is left: the next one is the other account's, without a code step.
    await signInThroughForm(page, other.username);
    await page.getByRole('link', { name: other.username }).waitFor();
    await expect(page.getByRole('link', { name: holder.username }).count()).resolves.toBe(0);
  });

  it('signs out the session of a code check answered after the code step was left, before another account signs in', async () => {
    const holder = await createAccount(forum.app);
    const { secret } = await enrolTwoFactor(forum.app, holder.token);
    const other = await createAccount(forum.app);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, holder.username);
    const codeCheck = await holdAnswers(page, 'CompleteTwoFactorSignIn');
    await page.getByLabel('Code').fill(await totpCode(secret, 1));
    await page.keyboard.press('Enter');
    await codeCheck.serverAnswered;
    const browserSessions = () => browserSessionsOf(holder.token);
    await expect(browserSessions()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Use another account' }).click();
    // Signing in waits for the answer, so that no other session's cookie comes before the one to sign out.
    const signIn = page.getByRole('button', { name: 'Sign in' });
    await expect(signIn.getAttribute('aria-busy')).resolves.toBe('true');
    codeCheck.release();
    await expect.poll(browserSessions, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => signIn.getAttribute('aria-busy')).toBeNull();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByRole('link', { name: holder.username }).count()).resolves.toBe(0);

    await signInThroughForm(page, other.username);
    await page.getByRole('link', { name: other.username }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: other.username }).waitFor();
    await expect(page.getByRole('link', { name: holder.username }).count()).resolves.toBe(0);
    await expect(page.getByText(/recovery code you typed/).count()).resolves.toBe(0);
  });

  it('says that a recovery code taken by a code check answered after the code step was left is used up', async () => {
    const holder = await createAccount(forum.app);
    const { recoveryCodes } = await enrolTwoFactor(forum.app, holder.token);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, holder.username);
    const codeCheck = await holdAnswers(page, 'CompleteTwoFactorSignIn');
    await page.getByLabel('Code').fill(recoveryCodes[0]);
    await page.keyboard.press('Enter');
    await codeCheck.serverAnswered;

    await page.getByRole('button', { name: 'Use another account' }).click();
    codeCheck.release();
    const notice = page.getByRole('status').filter({ hasText: 'The recovery code you typed' });
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      `The recovery code you typed for ${holder.username} was accepted just as you left, so that sign-in was ended. ` +
        'The code cannot be used again: 9 unused recovery codes are left.',
    );
    await expect(browserSessionsOf(holder.token)).resolves.toBe(0);

    // Signing in again starts afresh.
    await signInThroughForm(page, holder.username);
    await page.getByLabel('Code').waitFor();
    await expect(notice.count()).resolves.toBe(0);
  });

  it('announces the recovery codes left: the sign-in fills a status region that was on the page already', async () => {
    const member = await createAccount(forum.app);
    const { recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, member.username);
    await page.getByLabel('Code').fill(recoveryCodes[0]);
    // Screen readers announce what comes into a live region they know of, not a region that arrives with its text.
    const region = '[data-testid="recovery-code-notice-region"]';
    const said = await announcementsOf(page, region);
    await page.keyboard.press('Enter');
    await page.locator('.recovery-code-notice').waitFor();
    await expect(page.locator(region).getAttribute('role')).resolves.toBe('status');
    await expect.poll(() => said).toEqual([expect.stringContaining('You have 9 unused recovery codes left')]);
  });

  it('lists the devices two-factor sign-in remembers, this browser marked, and forgets the others', async () => {
    const member = await createAccount(forum.app);
    // Turned on from an API client, then signed in from a laptop with Firefox: both remembered.
    const { recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const laptop = await forum.app.query('mutation S($input: SignInInput!) { signIn(input: $input) { twoFactorChallenge { token } } }', {
      input: { login: member.username, password: testPassword },
    });
    await forum.app.query(
      'mutation C($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token } }',
      { input: { challenge: laptop.signIn.twoFactorChallenge.token, code: recoveryCodes[0] } },
      { headers: { 'user-agent': firefoxOnWindows } },
    );

    // This browser signs in with the code step, and is remembered too.
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/sign-in?next=%2Faccount%2Fsecurity');
    await signInThroughForm(page, member.username, { code: recoveryCodes[1] });
    const devices = page.getByRole('list', { name: 'Remembered devices' });
    await devices.waitFor();
    const rows = devices.getByRole('listitem');
    await expect(rows.count()).resolves.toBe(3);
    // The latest used first: this browser (Chromium says Chrome), then the laptop, then the API client.
    expect((await rows.allInnerTexts()).map((text) => text.split('\n')[0])).toEqual([
      'Chrome on Linux This browser',
      'Firefox on Windows',
      'API client',
    ]);
    await expect(
      rows
        .first()
        .getByText(/^Added just now, last used just now$/)
        .count(),
    ).resolves.toBe(1);
    expect(await rows.first().locator('time').first().getAttribute('title')).toMatch(/\d{4}, \d{1,2}:\d{2}/);
    await expect(axeViolations(page).then((violations) => violations.map((violation) => violation.id))).resolves.toEqual([]);
    await screenshot(page, 'security-remembered-devices');

    // Each button names its device; once the laptop's row is gone, focus goes on to the next row's button.
    await page.getByRole('button', { name: /^Forget Firefox on Windows, added / }).click();
    await expect.poll(() => rows.count()).toBe(2);
    const apiClientButton = page.getByRole('button', { name: /^Forget API client, added / });
    await expect.poll(() => apiClientButton.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);

    // The rest but this browser at once: focus goes to the list, this browser stays.
    await page.getByRole('button', { name: 'Forget all other devices' }).click();
    await page.getByRole('status').getByText('Forgot 1 other device.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => devices.evaluate((list) => list === list.ownerDocument.activeElement)).toBe(true);
    await expect(page.getByRole('button', { name: 'Forget all other devices' }).count()).resolves.toBe(0);
    const left = await forum.app.query<{ knownDevices: { label: string }[] }>('{ knownDevices { label } }', {}, { token: member.token });
    expect(left.knownDevices.map((device) => device.label)).toEqual(['Chrome on Linux']);

    // Forgetting this browser clears its device cookie.
    const deviceCookie = async () => (await context.cookies()).find((cookie) => cookie.name === 'twofa_device');
    expect(await deviceCookie()).toBeDefined();
    await page.getByRole('button', { name: /^Forget Chrome on Linux \(this browser\), added / }).click();
    await page.getByText('No device is remembered.').waitFor();
    expect(await deviceCookie()).toBeUndefined();
  });

  it('fits a phone with two-factor sign-in on, the way to turn it off without the phone included', async () => {
    const member = await createAccount(forum.app);
    await enrolTwoFactor(forum.app, member.token);
    const context = await forum.open({ token: member.token, viewport: phone });
    const page = await context.newPage();
    await page.goto('/account/security');
    await page.getByRole('button', { name: 'Lost your phone? Use your password and a recovery code' }).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });

  it('says so above the form when two-factor sign-in was turned off elsewhere meanwhile, the code not being what is wrong', async () => {
    const member = await createAccount(forum.app);
    const { recoveryCodes } = await enrolTwoFactor(forum.app, member.token);
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/account/security');
    const code = page.getByLabel('Code from the app', { exact: true });
    await code.waitFor();
    // Another device turns it off with a recovery code; this page still offers to turn it off.
    await forum.app.query(
      'mutation D($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { enabled } }',
      { input: { password: testPassword, recoveryCode: recoveryCodes[0] } },
      { token: member.token },
    );
    await code.fill('123456');
    await page.getByRole('button', { name: 'Turn off' }).click();
    // The API names a field of its own (twoFactor), which the form does not have.
    await page.getByRole('alert').getByText('Two-factor sign-in is already off', { exact: true }).waitFor();
    await expect(code.getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('tells staff without two-factor sign-in to turn it on before using staff tools', async () => {
    const staff = await createAccount(forum.app, Role.MEMBER, 'grey_new');
    await forum.app.nest
      .get(DataSource)
      .getRepository(UserEntity)
      .update({ id: Number(staff.id) }, { role: Role.STAFF });
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    // Not on the Security page, where it is turned on; elsewhere, said as it comes into the live region on every page.
    await page.goto('/account/security');
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    const region = page.getByTestId('staff-two-factor-notice-region');
    await expect(region.textContent()).resolves.toBe('');
    const said = await announcementsOf(page, '[data-testid="staff-two-factor-notice-region"]');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('link', { name: 'Turn on two-factor sign-in' }).waitFor();
    await region.getByRole('link', { name: 'Turn it on now' }).waitFor();
    await expect(region.getAttribute('role')).resolves.toBe('status');
    await expect.poll(() => said).toEqual([expect.stringContaining('Turn on two-factor sign-in to use staff tools.')]);
    await page.getByRole('link', { name: 'Turn on two-factor sign-in' }).click();
    // The staff page says it too: the Security page's heading is what shows the link was followed.
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    await page.getByText('Turn on two-factor sign-in to use staff tools.').waitFor();
    expect(page.url()).toContain('/account/security');
  });

  it('says how long to wait once the code tries are spent, in words rather than the seconds the API counts', async () => {
    const member = await createAccount(forum.app);
    await enrolTwoFactor(forum.app, member.token);
    // Someone with the password spends the account's tries for unknown devices.
    let refused = '';
    for (let round = 0; refused !== 'RATE_LIMITED'; round++) {
      const signedIn = await forum.app.query(
        'mutation S($input: SignInInput!) { signIn(input: $input) { twoFactorChallenge { token } } }',
        {
          input: { login: member.username, password: testPassword },
        },
      );
      for (let attempt = 0; attempt < 4 && refused !== 'RATE_LIMITED'; attempt++) {
        const response = await forum.app.request(
          'mutation C($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token } }',
          { input: { challenge: signedIn.signIn.twoFactorChallenge.token, code: String(400000 + round * 10 + attempt) } },
        );
        refused = codeOf(response);
      }
    }

    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, member.username, { code: '123456' });
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^You are doing that too often\. Try again in 1[45] minutes\.$/);
  });
});
