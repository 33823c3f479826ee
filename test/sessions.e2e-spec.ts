import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSource } from 'typeorm';
import { hashToken } from '../apps/api/src/auth/sessions.service.js';
import { SessionEntity } from '../apps/api/src/auth/session.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { KnownDevicesService } from '../apps/api/src/two-factor/known-devices.service.js';
import { UsersService } from '../apps/api/src/users/users.service.js';
import { createAccount, enrolTwoFactor, TestAccount, testPassword, totpCode } from './support/accounts.js';
import { chromeOnLinux, firefoxOnWindows, type ListedSession, safariOnIphone } from './support/devices.js';
import { holdCalls } from './support/hold-calls.js';
import { listenerCount, liveClient, subscribe, until } from './support/live-client.js';
import { codeOf, cookieOf, TestApp } from './support/test-app.js';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

const sessionsQuery = '{ sessions { id label createdAt lastUsedAt current knownDeviceId } }';
const notificationAdded = 'subscription { notificationAdded { unreadCount } }';
const signOutSessionMutation = 'mutation End($id: ID!) { signOutSession(id: $id) }';
const forgetMutation = 'mutation Forget($id: ID!, $signOut: Boolean) { forgetKnownDevice(id: $id, signOut: $signOut) }';
const forgetOthersMutation =
  'mutation ForgetOthers($deviceToken: String, $signOut: Boolean) { forgetOtherKnownDevices(deviceToken: $deviceToken, signOut: $signOut) }';
const signInMutation = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token twoFactorChallenge { token } } }';
const disableMutation = 'mutation Off($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { enabled } }';
const completeMutation =
  'mutation Complete($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token deviceToken } }';

describe('where you are signed in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS: '100000' });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const list = async (token: string) => (await app.query<{ sessions: ListedSession[] }>(sessionsQuery, {}, { token })).sessions;
  const sessionRows = () => app.nest.get(DataSource).getRepository(SessionEntity);

  /** A password sign-in, from a browser when `userAgent` says so: its session token and cookie. */
  async function signIn(account: TestAccount, userAgent?: string): Promise<{ token: string; cookie: string }> {
    const response = await app.request(
      signInMutation,
      { input: { login: account.username, password: testPassword } },
      { headers: userAgent ? { 'user-agent': userAgent } : {} },
    );
    expect(codeOf(response)).toBe('OK');
    return { token: response.data!.signIn.token, cookie: cookieOf(response, 'twofa_session')! };
  }

  /** A two-factor sign-in with a recovery code, through the known device of `deviceCookie` when given: session and device. */
  async function signInWithCode(
    account: TestAccount,
    recoveryCode: string,
    options: { userAgent?: string; deviceCookie?: string } = {},
  ): Promise<{ token: string; cookie: string; deviceCookie: string }> {
    const started = await app.query(signInMutation, { input: { login: account.username, password: testPassword } });
    const response = await app.request(
      completeMutation,
      { input: { challenge: started.signIn.twoFactorChallenge.token, code: recoveryCode } },
      { cookie: options.deviceCookie, headers: options.userAgent ? { 'user-agent': options.userAgent } : {} },
    );
    expect(codeOf(response)).toBe('OK');
    return {
      token: response.data!.completeTwoFactorSignIn.token,
      cookie: cookieOf(response, 'twofa_session')!,
      deviceCookie: cookieOf(response, 'twofa_device')!,
    };
  }

  it('lists the live sessions of the account, named from their User-Agent, the latest used first, this one marked', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const someoneElse = await createAccount(app, Role.MEMBER);
    const laptop = await signIn(member, chromeOnLinux);
    const phone = await signIn(member, safariOnIphone);
    const script = await signIn(member);
    // The last request of each decides the order; a new session has just been used.
    const seenFromLaptop = await list(laptop.token);
    expect(seenFromLaptop.map(({ label, current, knownDeviceId }) => [label, current, knownDeviceId])).toEqual([
      ['API client', false, null],
      ['Safari on iPhone', false, null],
      ['Chrome on Linux', true, null],
      // createAccount's own, made without a request.
      ['API client', false, null],
    ]);
    for (const session of seenFromLaptop) expect(session.lastUsedAt).toBe(session.createdAt);
    // Over the cookie as over the bearer token; another account's sessions are not among them.
    const overCookie = await app.query<{ sessions: ListedSession[] }>(sessionsQuery, {}, { cookie: phone.cookie });
    expect(overCookie.sessions.map((session) => session.current)).toEqual([false, true, false, false]);
    expect((await list(someoneElse.token)).map(({ label, current }) => [label, current])).toEqual([['API client', true]]);

    // An expired session is not listed.
    await sessionRows().update({ tokenHash: hashToken(script.token) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await list(laptop.token)).map((session) => session.label)).toEqual(['Safari on iPhone', 'Chrome on Linux', 'API client']);
    expect(codeOf(await app.request(sessionsQuery))).toBe('UNAUTHENTICATED');
  });

  it("writes a session's last use at most once in five minutes, not on every request", async () => {
    const member = await createAccount(app, Role.MEMBER);
    const session = await signIn(member, chromeOnLinux);
    const statementsOf = async (token: string) =>
      (await app.countStatements(() => app.query('{ health { status } }', {}, { token }))).statements;
    const lastUse = async () => (await sessionRows().findOneByOrFail({ tokenHash: hashToken(session.token) })).lastUsedAt;
    const signedInAt = await lastUse();

    // Used within five minutes: the look-up alone, no write.
    expect(await statementsOf(session.token)).toBe(1);
    expect(await lastUse()).toEqual(signedInAt);

    // Last used six minutes ago: the next request writes it once, and the one after it does not.
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    await sessionRows().update({ tokenHash: hashToken(session.token) }, { lastUsedAt: sixMinutesAgo });
    const before = Date.now();
    expect(await statementsOf(session.token)).toBe(2);
    const written = await lastUse();
    expect(written.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(await statementsOf(session.token)).toBe(1);
    expect(await lastUse()).toEqual(written);

    // The list shows it.
    const [listed] = (await list(session.token)).filter((entry) => entry.current);
    expect(listed.lastUsedAt).toBe(written.toISOString());
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.parse(listed.createdAt));
  });

  it('signs out another session: its token is refused, the others stay', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const lost = await signIn(member, chromeOnLinux);
    const kept = await signIn(member, firefoxOnWindows);
    const target = (await list(member.token)).find((session) => session.label === 'Chrome on Linux')!;

    const ended = await app.request(signOutSessionMutation, { id: target.id }, { token: member.token });
    expect(ended.data).toEqual({ signOutSession: true });
    // This session's cookie is not touched.
    expect(ended.headers.getSetCookie()).toEqual([]);
    expect(codeOf(await app.request(sessionsQuery, {}, { token: lost.token }))).toBe('UNAUTHENTICATED');
    expect((await list(kept.token)).map((session) => session.label)).toEqual(['Firefox on Windows', 'API client']);
    // Gone: a second time is NOT_FOUND.
    expect(codeOf(await app.request(signOutSessionMutation, { id: target.id }, { token: member.token }))).toBe('NOT_FOUND');
  });

  it('closes the live subscriptions of the session it signs out', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const lost = await signIn(member, chromeOnLinux);
    const target = (await list(member.token)).find((session) => session.label === 'Chrome on Linux')!;
    const client = liveClient(app, { token: lost.token });
    try {
      const notifications = subscribe(client, notificationAdded);
      await until(() => listenerCount(app) === 1, 'the subscription is listening');
      expect(await client.closeCodeAfter(() => app.query(signOutSessionMutation, { id: target.id }, { token: member.token }))).toBe(4401);
      expect(await notifications.ended).toMatchObject({ error: { code: 4401 } });
      await until(() => listenerCount(app) === 0, "the signed-out session's listener is released");
    } finally {
      await client.dispose();
    }
  });

  it('signs this session out as signOut does, clearing its cookie', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const browser = await signIn(member, chromeOnLinux);
    const own = (await app.query<{ sessions: ListedSession[] }>(sessionsQuery, {}, { cookie: browser.cookie })).sessions.find(
      (session) => session.current,
    )!;
    const ended = await app.request(signOutSessionMutation, { id: own.id }, { cookie: browser.cookie });
    expect(ended.data).toEqual({ signOutSession: true });
    expect(ended.headers.getSetCookie()).toEqual([expect.stringMatching(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/)]);
    expect(codeOf(await app.request(sessionsQuery, {}, { cookie: browser.cookie }))).toBe('UNAUTHENTICATED');
    expect((await list(member.token)).map((session) => session.label)).toEqual(['API client']);
  });

  it('clears the cookie of the session it signs out when the request carries it beside a bearer token', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const browser = await signIn(member, chromeOnLinux);
    const target = (await list(member.token)).find((session) => session.label === 'Chrome on Linux')!;
    // The bearer token authenticates the request: the cookie's session is another one, ended all the same.
    const ended = await app.request(signOutSessionMutation, { id: target.id }, { token: member.token, cookie: browser.cookie });
    expect(ended.data).toEqual({ signOutSession: true });
    expect(ended.headers.getSetCookie()).toEqual([expect.stringMatching(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/)]);
    expect(codeOf(await app.request(sessionsQuery, {}, { cookie: browser.cookie }))).toBe('UNAUTHENTICATED');
    expect((await list(member.token)).map(({ label, current }) => [label, current])).toEqual([['API client', true]]);
  });

  it("signs out the bearer token's session alone when the request carries a browser's cookie of another beside it", async () => {
    const member = await createAccount(app, Role.MEMBER);
    const browser = await signIn(member, chromeOnLinux);
    const asBrowser = async () => (await app.query<{ sessions: ListedSession[] }>(sessionsQuery, {}, { cookie: browser.cookie })).sessions;
    const [script, tool] = [await signIn(member), await signIn(member)];
    const toolSession = (await list(tool.token)).find((session) => session.current)!;

    // The bearer token authenticates the request: its session ends, the browser's cookie and session stay.
    const signedOut = await app.request('mutation { signOut }', {}, { token: script.token, cookie: browser.cookie });
    expect(signedOut.data).toEqual({ signOut: true });
    expect(signedOut.headers.getSetCookie()).toEqual([]);
    expect(codeOf(await app.request(sessionsQuery, {}, { token: script.token }))).toBe('UNAUTHENTICATED');
    // So with a bearer token that is no session any more: it signs nobody out.
    await app.query('mutation { signOut }', {}, { token: script.token, cookie: browser.cookie });
    // And signOutSession of its own session, as signOut.
    const ownEnded = await app.request(signOutSessionMutation, { id: toolSession.id }, { token: tool.token, cookie: browser.cookie });
    expect(ownEnded.data).toEqual({ signOutSession: true });
    expect(ownEnded.headers.getSetCookie()).toEqual([]);
    expect((await asBrowser()).map(({ label, current }) => [label, current])).toEqual([
      ['Chrome on Linux', true],
      ['API client', false],
    ]);

    // Beside its own cookie, the session's cookie is cleared with it.
    const both = await app.request('mutation { signOut }', {}, { token: browser.token, cookie: browser.cookie });
    expect(both.headers.getSetCookie()).toEqual([expect.stringMatching(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/)]);
    expect(codeOf(await app.request(sessionsQuery, {}, { cookie: browser.cookie }))).toBe('UNAUTHENTICATED');
  });

  it("answers NOT_FOUND for another account's session, as for none, and ends nothing", async () => {
    const member = await createAccount(app, Role.MEMBER);
    const someoneElse = await createAccount(app, Role.MEMBER);
    const [theirs] = await list(someoneElse.token);
    for (const id of [theirs.id, '2147483647']) {
      const refused = await app.request(signOutSessionMutation, { id }, { token: member.token });
      expect(refused.errors?.[0]).toMatchObject({
        message: `Session ${id} was not found`,
        extensions: { code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' },
      });
    }
    expect(await list(someoneElse.token)).toEqual([theirs]);
    for (const id of ['0', '-1', 'abc', '99999999999']) {
      expect(codeOf(await app.request(signOutSessionMutation, { id }, { token: member.token })), id).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await app.request(signOutSessionMutation, { id: theirs.id }))).toBe('UNAUTHENTICATED');
  });

  describe('sessions signed in through a known device', () => {
    it('are linked to the device; forgetting it with signOut ends them, and only them', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const laptop = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      // The laptop signs in again through its device cookie: the same device, a second session.
      const laptopAgain = await signInWithCode(member, recoveryCodes[1], { userAgent: chromeOnLinux, deviceCookie: laptop.deviceCookie });
      const phone = await signInWithCode(member, recoveryCodes[2], { userAgent: safariOnIphone });

      const devices = await app.query<{ knownDevices: { id: string; label: string }[] }>(
        '{ knownDevices { id label } }',
        {},
        { token: member.token },
      );
      const deviceOf = (label: string) => devices.knownDevices.find((device) => device.label === label)!.id;
      expect((await list(member.token)).map(({ label, knownDeviceId }) => [label, knownDeviceId])).toEqual([
        ['Safari on iPhone', deviceOf('Safari on iPhone')],
        ['Chrome on Linux', deviceOf('Chrome on Linux')],
        ['Chrome on Linux', deviceOf('Chrome on Linux')],
        // Two-factor sign-in was turned on from here, after it had signed in: not through a device.
        ['API client', null],
      ]);

      const client = liveClient(app, { token: laptop.token });
      try {
        const notifications = subscribe(client, notificationAdded);
        await until(() => listenerCount(app) === 1, 'the subscription is listening');
        const forgotten = () => app.query(forgetMutation, { id: deviceOf('Chrome on Linux'), signOut: true }, { token: member.token });
        expect(await client.closeCodeAfter(forgotten)).toBe(4401);
        expect(await notifications.ended).toMatchObject({ error: { code: 4401 } });
      } finally {
        await client.dispose();
      }
      for (const ended of [laptop, laptopAgain])
        expect(codeOf(await app.request(sessionsQuery, {}, { token: ended.token }))).toBe('UNAUTHENTICATED');
      expect((await list(member.token)).map(({ label, current }) => [label, current])).toEqual([
        ['Safari on iPhone', false],
        ['API client', true],
      ]);

      // Without signOut, forgetting signs nothing out: the phone stays signed in, no longer linked to a device.
      await expect(app.query(forgetMutation, { id: deviceOf('Safari on iPhone') }, { token: member.token })).resolves.toEqual({
        forgetKnownDevice: true,
      });
      const phoneSession = (await list(phone.token)).find((session) => session.current)!;
      expect(phoneSession).toMatchObject({ label: 'Safari on iPhone', knownDeviceId: null });
    });

    /** The known device the session of `token` is linked to, and whether it is the one of `deviceCookie`: listed, current. */
    async function linkedDevice(token: string, deviceCookie: string) {
      const own = (await list(token)).find((session) => session.current)!;
      const devices = await app.query<{ knownDevices: { id: string; current: boolean }[] }>(
        '{ knownDevices { id current } }',
        {},
        { cookie: deviceCookie, headers: { authorization: `Bearer ${token}` } },
      );
      return { knownDeviceId: own.knownDeviceId, current: devices.knownDevices.find((device) => device.current)?.id ?? null };
    }

    // On SQLite the sign-in's writes wait for the forgetting's transaction (one writer), so it cannot accept its code
    // in the middle of it: the interleaving this checks happens on PostgreSQL alone.
    it.skipIf(!postgres)(
      'a sign-in through the device while it is forgotten with signOut waits, then goes through the device remembered anew',
      async () => {
        const member = await createAccount(app, Role.MEMBER);
        const { recoveryCodes } = await enrolTwoFactor(app, member.token);
        const laptop = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
        const [device] = (await app.query<{ knownDevices: { id: string }[] }>('{ knownDevices { id } }', {}, { token: member.token }))
          .knownDevices;
        const devices = app.nest.get(KnownDevicesService);

        // Forgetting holds once the device's sessions are ended, before the device itself goes.
        const forgetStep = holdCalls(devices, 'forget', { when: 'before' });
        const forgetting = app.request(forgetMutation, { id: device.id, signOut: true }, { token: member.token });
        await forgetStep.reached;
        // Meanwhile the laptop signs in again through the device, still known when its code is accepted; once it is about
        // to start its session, the forgetting goes on.
        const started = await app.query(signInMutation, { input: { login: member.username, password: testPassword } });
        const codeAccepted = holdCalls(app.nest.get(UsersService), 'byId', { when: 'after' });
        const signingIn = app.request(
          completeMutation,
          { input: { challenge: started.signIn.twoFactorChallenge.token, code: recoveryCodes[1] } },
          { cookie: laptop.deviceCookie, headers: { 'user-agent': chromeOnLinux } },
        );
        await codeAccepted.reached;
        forgetStep.release();
        codeAccepted.release();

        expect((await forgetting).data).toEqual({ forgetKnownDevice: true });
        const signedIn = await signingIn;
        expect(codeOf(signedIn)).toBe('OK');
        expect(codeOf(await app.request(sessionsQuery, {}, { token: laptop.token }))).toBe('UNAUTHENTICATED');
        // Its session starts once the forgetting is over: through the device remembered anew, not left unlinked.
        const { token, deviceToken } = signedIn.data!.completeTwoFactorSignIn;
        const linked = await linkedDevice(token, cookieOf(signedIn, 'twofa_device')!);
        expect(linked.knownDeviceId).not.toBeNull();
        expect(linked.knownDeviceId).toBe(linked.current);
        expect(linked.knownDeviceId).not.toBe(device.id);
        expect(deviceToken).not.toBe(laptop.deviceCookie.split('=')[1]);
      },
    );

    it('a sign-in whose device is forgotten after its code step signs in, through the device remembered anew', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const laptop = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      const [device] = (await app.query<{ knownDevices: { id: string }[] }>('{ knownDevices { id } }', {}, { token: member.token }))
        .knownDevices;

      // The code is accepted through the laptop's device; the sign-in holds before its session starts.
      const started = await app.query(signInMutation, { input: { login: member.username, password: testPassword } });
      const beforeSession = holdCalls(app.nest.get(UsersService), 'byId', { when: 'before' });
      const signingIn = app.request(
        completeMutation,
        { input: { challenge: started.signIn.twoFactorChallenge.token, code: recoveryCodes[1] } },
        { cookie: laptop.deviceCookie, headers: { 'user-agent': chromeOnLinux } },
      );
      await beforeSession.reached;
      await expect(app.query(forgetMutation, { id: device.id, signOut: true }, { token: member.token })).resolves.toEqual({
        forgetKnownDevice: true,
      });
      beforeSession.release();

      const signedIn = await signingIn;
      expect(codeOf(signedIn)).toBe('OK');
      const { token, deviceToken } = signedIn.data!.completeTwoFactorSignIn;
      const linked = await linkedDevice(token, cookieOf(signedIn, 'twofa_device')!);
      expect(linked.knownDeviceId).not.toBeNull();
      expect(linked.knownDeviceId).toBe(linked.current);
      expect(linked.knownDeviceId).not.toBe(device.id);
      expect(deviceToken).not.toBe(laptop.deviceCookie.split('=')[1]);
      expect(codeOf(await app.request(sessionsQuery, {}, { token: laptop.token }))).toBe('UNAUTHENTICATED');
    });

    it('a sign-in whose code was accepted before two-factor sign-in was turned off is refused, remembering no device', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { secret, recoveryCodes } = await enrolTwoFactor(app, member.token);
      const started = await app.query(signInMutation, { input: { login: member.username, password: testPassword } });
      const beforeSession = holdCalls(app.nest.get(UsersService), 'byId', { when: 'before' });
      const signingIn = app.request(
        completeMutation,
        { input: { challenge: started.signIn.twoFactorChallenge.token, code: recoveryCodes[0] } },
        { headers: { 'user-agent': chromeOnLinux } },
      );
      await beforeSession.reached;
      const off = await app.query(disableMutation, { input: { code: await totpCode(secret, 1) } }, { token: member.token });
      expect(off).toEqual({ disableTwoFactor: { enabled: false } });
      beforeSession.release();

      const refused = await signingIn;
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CHALLENGE_EXPIRED' });
      expect(refused.headers.getSetCookie()).toEqual([]);
      // Turned off, two-factor sign-in knows no device, and no session signed in through one.
      const devices = await app.query<{ knownDevices: unknown[] }>('{ knownDevices { id } }', {}, { token: member.token });
      expect(devices.knownDevices).toEqual([]);
      expect((await list(member.token)).map(({ label, current }) => [label, current])).toEqual([['API client', true]]);
      // The password alone signs in now.
      await signIn(member, chromeOnLinux);
    });

    it('turning two-factor sign-in off while a sign-in starts its session waits for it, then forgets its device', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { secret, recoveryCodes } = await enrolTwoFactor(app, member.token);
      const started = await app.query(signInMutation, { input: { login: member.username, password: testPassword } });
      // The sign-in holds in its transaction, about to remember its device.
      const remembering = holdCalls(app.nest.get(KnownDevicesService), 'remember', { when: 'before' });
      const signingIn = app.request(
        completeMutation,
        { input: { challenge: started.signIn.twoFactorChallenge.token, code: recoveryCodes[0] } },
        { headers: { 'user-agent': chromeOnLinux } },
      );
      await remembering.reached;
      const turningOff = app.query(disableMutation, { input: { code: await totpCode(secret, 1) } }, { token: member.token });
      // Long enough for turning off to finish, were it not to wait for the sign-in (on SQLite, transactions queue anyway).
      await Promise.race([turningOff, new Promise((resolve) => setTimeout(resolve, 500))]);
      remembering.release();

      const signedIn = await signingIn;
      expect(codeOf(signedIn)).toBe('OK');
      await expect(turningOff).resolves.toEqual({ disableTwoFactor: { enabled: false } });
      const { token } = signedIn.data!.completeTwoFactorSignIn;
      const devices = await app.query<{ knownDevices: unknown[] }>('{ knownDevices { id } }', {}, { token });
      expect(devices.knownDevices).toEqual([]);
      expect((await list(token)).find((session) => session.current)).toMatchObject({ label: 'Chrome on Linux', knownDeviceId: null });
    });

    it('answers a null signOut with BAD_USER_INPUT, forgetting and signing out nothing', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const laptop = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      const [device] = (await app.query<{ knownDevices: { id: string }[] }>('{ knownDevices { id } }', {}, { token: member.token }))
        .knownDevices;

      // `$signOut: Boolean` may bring null to `signOut: Boolean! = false`: validation lets it through, execution refuses it.
      const refused = await app.request(forgetMutation, { id: device.id, signOut: null }, { token: laptop.token });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'Argument "signOut" of non-null type "Boolean!" must not be null.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await list(laptop.token)).find((session) => session.current)).toMatchObject({ knownDeviceId: device.id });
    });

    it("signs this session out too when it signed in through the device it forgets, and nobody's through another's", async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const browser = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      const other = await createAccount(app, Role.MEMBER);
      const othersCodes = (await enrolTwoFactor(app, other.token)).recoveryCodes;
      const othersBrowser = await signInWithCode(other, othersCodes[0], { userAgent: chromeOnLinux });
      const othersDevice = (
        await app.query<{ knownDevices: { id: string; current: boolean }[] }>(
          '{ knownDevices { id current } }',
          {},
          { cookie: othersBrowser.cookie + '; ' + othersBrowser.deviceCookie },
        )
      ).knownDevices.find((device) => device.current)!;

      // Another account's device: NOT_FOUND, and its sessions stay.
      const refused = await app.request(forgetMutation, { id: othersDevice.id, signOut: true }, { token: member.token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'KNOWN_DEVICE_NOT_FOUND' });
      expect(codeOf(await app.request(sessionsQuery, {}, { token: othersBrowser.token }))).toBe('OK');

      const cookies = `${browser.cookie}; ${browser.deviceCookie}`;
      const own = (
        await app.query<{ knownDevices: { id: string; current: boolean }[] }>('{ knownDevices { id current } }', {}, { cookie: cookies })
      ).knownDevices.find((device) => device.current)!;
      const forgotten = await app.request(forgetMutation, { id: own.id, signOut: true }, { cookie: cookies });
      expect(forgotten.data).toEqual({ forgetKnownDevice: true });
      const cleared = forgotten.headers.getSetCookie();
      expect(cleared).toContainEqual(expect.stringMatching(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/));
      expect(cleared).toContainEqual(expect.stringMatching(/^twofa_device=;.*Expires=Thu, 01 Jan 1970/));
      expect(codeOf(await app.request(sessionsQuery, {}, { cookie: browser.cookie }))).toBe('UNAUTHENTICATED');
      expect((await list(member.token)).map((session) => session.label)).toEqual(['API client']);
    });

    it("forgetting every other device with signOut ends the sessions that signed in through them, and not this browser's", async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const browser = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      const laptop = await signInWithCode(member, recoveryCodes[1], { userAgent: firefoxOnWindows });
      const phone = await signInWithCode(member, recoveryCodes[2], { userAgent: safariOnIphone });
      const cookies = `${browser.cookie}; ${browser.deviceCookie}`;

      const client = liveClient(app, { token: laptop.token });
      try {
        const notifications = subscribe(client, notificationAdded);
        await until(() => listenerCount(app) === 1, 'the subscription is listening');
        // The laptop's, the phone's and the API client's that turned two-factor on.
        const forgotten = () => app.query(forgetOthersMutation, { signOut: true }, { cookie: cookies });
        expect(await client.closeCodeAfter(forgotten)).toBe(4401);
        expect(await notifications.ended).toMatchObject({ error: { code: 4401 } });
      } finally {
        await client.dispose();
      }
      for (const ended of [laptop, phone])
        expect(codeOf(await app.request(sessionsQuery, {}, { token: ended.token }))).toBe('UNAUTHENTICATED');
      // This browser stays signed in and remembered; the session that turned two-factor on signed in before, through no device.
      expect((await list(member.token)).map(({ label, current }) => [label, current])).toEqual([
        ['Chrome on Linux', false],
        ['API client', true],
      ]);
      const remembered = await app.query<{ knownDevices: { label: string; current: boolean }[] }>(
        '{ knownDevices { label current } }',
        {},
        { cookie: cookies },
      );
      expect(remembered.knownDevices).toEqual([{ label: 'Chrome on Linux', current: true }]);
    });

    it('forgetting every other device with signOut never ends the session asking, whichever device it signed in through', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const apiClient = await signInWithCode(member, recoveryCodes[0]);
      const laptop = await signInWithCode(member, recoveryCodes[1], { userAgent: chromeOnLinux });
      // Naming no device, it forgets its own too: its session stays all the same.
      const forgotten = await app.query(forgetOthersMutation, { signOut: true }, { token: apiClient.token });
      expect(forgotten).toEqual({ forgetOtherKnownDevices: 3 });
      expect(codeOf(await app.request(sessionsQuery, {}, { token: apiClient.token }))).toBe('OK');
      expect(codeOf(await app.request(sessionsQuery, {}, { token: laptop.token }))).toBe('UNAUTHENTICATED');
    });

    it('forgetting every other device without signOut signs nobody out', async () => {
      const member = await createAccount(app, Role.MEMBER);
      const { recoveryCodes } = await enrolTwoFactor(app, member.token);
      const browser = await signInWithCode(member, recoveryCodes[0], { userAgent: chromeOnLinux });
      const laptop = await signInWithCode(member, recoveryCodes[1], { userAgent: firefoxOnWindows });
      const cookies = `${browser.cookie}; ${browser.deviceCookie}`;
      await expect(app.query(forgetOthersMutation, {}, { cookie: cookies })).resolves.toEqual({ forgetOtherKnownDevices: 2 });
      for (const kept of [laptop, browser]) expect(codeOf(await app.request(sessionsQuery, {}, { token: kept.token }))).toBe('OK');
      const laptopSession = (await list(laptop.token)).find((session) => session.current)!;
      expect(laptopSession).toMatchObject({ label: 'Firefox on Windows', knownDeviceId: null });
    });
  });
});
