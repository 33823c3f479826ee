import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSource } from 'typeorm';
import { SessionEntity } from '../apps/api/src/auth/session.entity.js';
import { SessionsService } from '../apps/api/src/auth/sessions.service.js';
import { Role } from '../apps/api/src/common/role.js';
import { UserEntity } from '../apps/api/src/users/user.entity.js';
import { createAccount, enrolTwoFactor, testPassword } from './support/accounts.js';
import { listenerCount, liveClient, subscribe, until } from './support/live-client.js';
import { liveChannels } from '../apps/api/src/live/live-pubsub.js';
import { cookieOf, TestApp } from './support/test-app.js';

const signUpMutation = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { token expiresAt user { id username email role isStaff isBot } }
}`;
const signInMutation = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { token expiresAt user { id username email role } }
}`;
const meQuery = '{ me { id username email role } }';
const challengeMutation = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { twoFactorChallenge { token } } }';
const completeMutation = 'mutation Complete($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token } }';
const notificationAdded = 'subscription { notificationAdded { unreadCount } }';
const password = 'correct horse battery staple';

interface AuthPayload {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; email: string; role: string };
}

const codeOf = (response: { errors?: { extensions?: { code?: unknown } }[] }) => response.errors?.[0]?.extensions?.code ?? 'OK';

function uniqueName(prefix = 'user'): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

async function signUp(app: TestApp, username = uniqueName(), headers: Record<string, string> = {}) {
  return app.request<{ signUp: AuthPayload }>(
    signUpMutation,
    { input: { username, email: `${username}@Example.com`, password } },
    { headers },
  );
}

async function signIn(app: TestApp, login: string, secret: string, ip?: string) {
  return app.request<{ signIn: AuthPayload }>(
    signInMutation,
    { input: { login, password: secret } },
    { headers: ip ? { 'x-forwarded-for': ip } : {} },
  );
}

describe('accounts: sign-up, sign-in, sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('signs up, and the token works as a bearer and the Set-Cookie as an httpOnly, SameSite=Lax cookie', async () => {
    const username = uniqueName('Mixed');
    const response = await signUp(app, username);
    expect(response.errors).toBeUndefined();
    const payload = response.data!.signUp;
    expect(payload.user).toMatchObject({
      username,
      email: `${username.toLowerCase()}@example.com`,
      role: 'MEMBER',
      isStaff: false,
      isBot: false,
    });
    expect(payload.token.length).toBeGreaterThan(30);

    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^twofa_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Expires=/);
    expect(setCookie).not.toMatch(/Secure/i);

    const byBearer = await app.query<{ me: AuthPayload['user'] }>(meQuery, {}, { token: payload.token });
    expect(byBearer.me).toEqual({ id: payload.user.id, username, email: payload.user.email, role: 'MEMBER' });
    const cookie = cookieOf(response, 'twofa_session')!;
    const byCookie = await app.query<{ me: AuthPayload['user'] }>(meQuery, {}, { cookie });
    expect(byCookie.me.id).toBe(payload.user.id);
  });

  it('answers me with null when anonymous or with an unknown token', async () => {
    await expect(app.query(meQuery)).resolves.toEqual({ me: null });
    await expect(app.query(meQuery, {}, { token: 'not-a-session' })).resolves.toEqual({ me: null });
  });

  it('signs nobody in with a session past its expiry', async () => {
    const username = uniqueName();
    const token = (await signUp(app, username)).data!.signUp.token;
    await expect(app.query(meQuery, {}, { token })).resolves.toMatchObject({ me: { username } });
    const dataSource = app.nest.get(DataSource);
    const [account] = await dataSource.getRepository(UserEntity).findBy({ username });
    await dataSource.getRepository(SessionEntity).update({ userId: account!.id }, { expiresAt: new Date(Date.now() - 1000) });
    await expect(app.query(meQuery, {}, { token })).resolves.toEqual({ me: null });
  });

  it('never exposes the password hash, and email only on Viewer', async () => {
    const username = uniqueName();
    const signedUp = await signUp(app, username);
    const signedIn = await signIn(app, username, password);
    const me = await app.request(meQuery, {}, { token: signedUp.data!.signUp.token });
    for (const response of [signedUp, signedIn, me]) {
      expect(JSON.stringify(response.data)).not.toMatch(/argon2|password/i);
    }
    const types = await app.query<{ user: { fields: { name: string }[] }; viewer: { fields: { name: string }[] } }>(
      '{ user: __type(name: "User") { fields { name } } viewer: __type(name: "Viewer") { fields { name } } }',
    );
    const userFields = types.user.fields.map((field) => field.name);
    const viewerFields = types.viewer.fields.map((field) => field.name);
    expect(userFields).toContain('username');
    expect(userFields).not.toContain('email');
    expect(viewerFields).toContain('email');
    for (const name of [...userFields, ...viewerFields]) expect(name).not.toMatch(/password|hash|token/i);
  });

  it('signs in by username and by email, case-insensitively', async () => {
    const username = uniqueName('Casey');
    await signUp(app, username);
    const byUsername = await signIn(app, username.toUpperCase(), password);
    expect(byUsername.errors).toBeUndefined();
    expect(byUsername.data!.signIn.user.username).toBe(username);
    expect(byUsername.headers.get('set-cookie')).toMatch(/^twofa_session=.+HttpOnly/i);
    const byEmail = await signIn(app, `${username}@EXAMPLE.com`, password);
    expect(byEmail.data!.signIn.user.username).toBe(username);
    await expect(app.query(meQuery, {}, { token: byEmail.data!.signIn.token })).resolves.toMatchObject({ me: { username } });
  });

  it('gives the same error for an unknown user and a wrong password', async () => {
    const username = uniqueName();
    await signUp(app, username);
    const wrongUser = await signIn(app, uniqueName('nobody'), password);
    const wrongPassword = await signIn(app, username, 'not the right password');
    expect(wrongUser.data).toBeNull();
    expect(wrongUser.errors).toEqual([
      expect.objectContaining({
        message: 'Wrong username or password',
        extensions: { code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' },
      }),
    ]);
    expect(wrongPassword.errors?.[0]?.message).toBe(wrongUser.errors?.[0]?.message);
    expect(wrongPassword.errors?.[0]?.extensions).toEqual(wrongUser.errors?.[0]?.extensions);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('never signs in an account without a password (the bot)', async () => {
    const bot = await createAccount(app, Role.BOT, uniqueName('bot'));
    const response = await signIn(app, bot.username, '');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const attempt = await signIn(app, bot.username, 'anything at all');
    expect(attempt.errors?.[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('signs out: the bearer token stops working and the cookie is cleared', async () => {
    const { data } = await signUp(app);
    const token = data!.signUp.token;
    const other = await signIn(app, data!.signUp.user.username, password);
    const response = await app.request<{ signOut: boolean }>('mutation { signOut }', {}, { token });
    expect(response.data?.signOut).toBe(true);
    expect(response.headers.get('set-cookie')).toMatch(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/);
    await expect(app.query(meQuery, {}, { token })).resolves.toEqual({ me: null });
    // Only that session ends.
    await expect(app.query(meQuery, {}, { token: other.data!.signIn.token })).resolves.toMatchObject({ me: { id: data!.signUp.user.id } });
  });

  it('signs out the session of a cookie', async () => {
    const response = await signUp(app);
    const cookie = cookieOf(response, 'twofa_session')!;
    await app.query('mutation { signOut }', {}, { cookie });
    await expect(app.query(meQuery, {}, { cookie })).resolves.toEqual({ me: null });
  });

  it('clears the cookie of a session that ended elsewhere as sign-out does; never a live one, on a failed look-up or for a bearer', async () => {
    const signedUp = await signUp(app);
    const { token, user } = signedUp.data!.signUp;
    const cookie = cookieOf(signedUp, 'twofa_session')!;
    const elsewhere = await signIn(app, user.username, password);
    const elsewhereCookie = cookieOf(elsewhere, 'twofa_session')!;
    const live = await app.request(meQuery, {}, { cookie });
    expect(live.data).toMatchObject({ me: { id: user.id } });
    expect(live.headers.get('set-cookie')).toBeNull();

    await app.query('mutation { signOutOtherSessions }', {}, { token: elsewhere.data!.signIn.token });
    // A look-up that fails (the database away for a moment) says nothing of the session: the cookie stays.
    const lookUp = vi.spyOn(app.nest.get(SessionsService), 'userFor').mockRejectedValueOnce(new Error('Connection terminated'));
    try {
      const failed = await app.request(meQuery, {}, { cookie });
      expect(failed.errors).toBeDefined();
      expect(failed.headers.get('set-cookie')).toBeNull();
    } finally {
      lookUp.mockRestore();
    }
    // An API client's ended token is refused as before, over HTTP and the socket; the live cookie beside it stays.
    const byBearer = await app.request('mutation { signOutOtherSessions }', {}, { token, cookie: elsewhereCookie });
    expect(byBearer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(byBearer.headers.get('set-cookie')).toBeNull();
    const socket = liveClient(app, { token });
    try {
      expect(await subscribe(socket, notificationAdded).ended).toMatchObject({ error: { code: 4403 } });
    } finally {
      await socket.dispose();
    }

    const ended = await app.request(meQuery, {}, { cookie });
    expect(ended.data).toEqual({ me: null });
    expect(ended.headers.get('set-cookie')).toMatch(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/);
    const signedOut = await app.request('mutation { signOut }', {}, { cookie: elsewhereCookie });
    expect(ended.headers.get('set-cookie')).toBe(signedOut.headers.get('set-cookie'));
    // Signing in again from that browser: the new session's cookie comes after the clearing, so it is the one kept.
    const again = await app.request(signInMutation, { input: { login: user.username, password } }, { cookie });
    expect(again.headers.getSetCookie()).toEqual([signedOut.headers.get('set-cookie'), expect.stringMatching(/^twofa_session=[^;]+;/)]);
  });

  it('clears the dead cookie of a session that ended elsewhere once when signing out with it', async () => {
    const signedUp = await signUp(app);
    const cookie = cookieOf(signedUp, 'twofa_session')!;
    await app.query('mutation { signOut }', {}, { token: signedUp.data!.signUp.token });
    const signedOut = await app.request<{ signOut: boolean }>('mutation { signOut }', {}, { cookie });
    expect(signedOut.data?.signOut).toBe(true);
    expect(signedOut.headers.getSetCookie()).toEqual([expect.stringMatching(/^twofa_session=;.*Expires=Thu, 01 Jan 1970/)]);
  });

  describe('sign-up validation', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['a short password', { password: 'short1234' }, 'password'],
      ['a too long password', { password: 'x'.repeat(201) }, 'password'],
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a too short username', { username: 'ab' }, 'username'],
      ['a username with spaces', { username: 'two words' }, 'username'],
      ['a too long username', { username: 'u'.repeat(33) }, 'username'],
    ];
    for (const [what, override, field] of cases) {
      it(`refuses ${what} with BAD_USER_INPUT naming ${field}, storing nothing`, async () => {
        const username = uniqueName();
        const input = { username, email: `${username}@example.com`, password, ...override };
        const response = await app.request(signUpMutation, { input });
        expect(response.data ?? null).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field })]);
        expect(response.errors?.[0]?.message).toContain(field);
        expect(response.headers.get('set-cookie')).toBeNull();
        await expect(app.query('query($u: String!) { user(username: $u) { id } }', { u: input.username.slice(0, 32) })).resolves.toEqual({
          user: null,
        });
      });
    }

    it('refuses a username taken in another case with CONFLICT', async () => {
      const username = uniqueName('Taken');
      await signUp(app, username);
      const response = await app.request(signUpMutation, {
        input: { username: username.toUpperCase(), email: `${uniqueName()}@example.com`, password },
      });
      expect(response.errors?.[0]).toMatchObject({
        message: 'username or email address is already in use',
        extensions: { code: 'CONFLICT', fields: [{ field: 'username' }, { field: 'email' }] },
      });
    });

    it('refuses an email taken in another case with the same CONFLICT, storing nothing', async () => {
      const first = uniqueName();
      await signUp(app, first);
      const second = uniqueName();
      const response = await app.request(signUpMutation, {
        input: { username: second, email: `${first.toUpperCase()}@example.COM`, password },
      });
      expect(response.errors?.[0]).toMatchObject({
        message: 'username or email address is already in use',
        extensions: { code: 'CONFLICT', fields: [{ field: 'username' }, { field: 'email' }] },
      });
      await expect(app.query('query($u: String!) { user(username: $u) { id } }', { u: second })).resolves.toEqual({ user: null });
    });

    it('reserves the bot username', async () => {
      const response = await app.request(signUpMutation, {
        input: { username: 'FAQ-bot', email: `${uniqueName()}@example.com`, password },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'username' }] });
    });
  });
});

describe('accounts: changing the password, and signing out elsewhere', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const changePassword = (token: string | undefined, currentPassword: unknown, newPassword: unknown) =>
    app.request<{ changePassword: boolean }>(
      'mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword, newPassword } },
      token ? { token } : {},
    );
  const me = async (token: string) => (await app.query<{ me: { id: string } | null }>(meQuery, {}, { token })).me;
  /** A new account signed in three times: the session it changes from, and two others (another browser, a phone). */
  async function accountWithSessions() {
    const { data } = await signUp(app);
    const { username, id } = data!.signUp.user;
    const others = [(await signIn(app, username, password)).data!.signIn.token, (await signIn(app, username, password)).data!.signIn.token];
    return { username, id, token: data!.signUp.token, others };
  }

  it('sets a new password against the current one: this session stays, the others end, and only the new password signs in', async () => {
    const account = await accountWithSessions();
    const newPassword = 'a new and longer passphrase';
    const response = await changePassword(account.token, password, newPassword);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ changePassword: true });

    expect(await me(account.token)).toMatchObject({ id: account.id });
    for (const other of account.others) expect(await me(other)).toBeNull();
    expect((await signIn(app, account.username, password)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn(app, account.username, newPassword)).data?.signIn.user.id).toBe(account.id);
  });

  it('refuses a wrong current password, a new one too short or the same, and anonymous callers, changing nothing', async () => {
    const account = await accountWithSessions();
    const refusals: [string | undefined, string, unknown, string, string][] = [
      [account.token, 'not the password at all', 'a new and longer passphrase', 'BAD_USER_INPUT', 'currentPassword'],
      [account.token, password, 'short1234', 'BAD_USER_INPUT', 'newPassword'],
      [account.token, password, 'x'.repeat(201), 'BAD_USER_INPUT', 'newPassword'],
      [account.token, password, password, 'BAD_USER_INPUT', 'newPassword'],
      [undefined, password, 'a new and longer passphrase', 'UNAUTHENTICATED', ''],
    ];
    for (const [token, current, next, code, field] of refusals) {
      const response = await changePassword(token, current, next);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field })]);
    }
    for (const token of [account.token, ...account.others]) expect(await me(token)).toMatchObject({ id: account.id });
    expect((await signIn(app, account.username, password)).data?.signIn.user.id).toBe(account.id);
  });

  it('lets a session guess the current password 10 times in 15 minutes, then refuses even the right one', async () => {
    const account = await accountWithSessions();
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await changePassword(account.token, `wrong guess ${attempt}`, 'a new and longer passphrase');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const response = await changePassword(account.token, password, 'a new and longer passphrase');
    expect(response.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await signIn(app, account.username, password)).data?.signIn.user.id).toBe(account.id);
  });

  it('signs out every other session, which answers how many ended, and leaves other accounts alone', async () => {
    const account = await accountWithSessions();
    const someoneElse = await accountWithSessions();
    const response = await app.request<{ signOutOtherSessions: number }>('mutation { signOutOtherSessions }', {}, { token: account.token });
    expect(response.data).toEqual({ signOutOtherSessions: 2 });
    expect(await me(account.token)).toMatchObject({ id: account.id });
    for (const other of account.others) expect(await me(other)).toBeNull();
    for (const token of [someoneElse.token, ...someoneElse.others]) expect(await me(token)).toMatchObject({ id: someoneElse.id });
    await expect(app.query('mutation { signOutOtherSessions }', {}, { token: account.token })).resolves.toEqual({
      signOutOtherSessions: 0,
    });
    expect((await app.request('mutation { signOutOtherSessions }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('accounts: sessions per account', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ SESSIONS_PER_ACCOUNT: '2' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('ends the oldest session when a sign-in goes past the cap, so sign-ins in a loop cannot pile sessions up', async () => {
    const { data } = await signUp(app);
    const { username, id } = data!.signUp.user;
    const tokens = [data!.signUp.token];
    for (let index = 0; index < 3; index++) tokens.push((await signIn(app, username, password)).data!.signIn.token);
    const me = async (token: string) => (await app.query<{ me: { id: string } | null }>(meQuery, {}, { token })).me?.id ?? null;
    expect(await Promise.all(tokens.map(me))).toEqual([null, null, id, id]);
    expect(
      await app.nest
        .get(DataSource)
        .getRepository(SessionEntity)
        .countBy({ userId: Number(id) }),
    ).toBe(2);
  });

  it('a two-factor sign-in that fails once it ended the oldest session ends nothing: its socket stays open', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const { recoveryCodes } = await enrolTwoFactor(app, member.token);
    const signInWithCode = async (code: string) => {
      const started = await app.query(challengeMutation, { input: { login: member.username, password: testPassword } });
      return app.request<{ completeTwoFactorSignIn: { token: string } }>(completeMutation, {
        input: { challenge: started.signIn.twoFactorChallenge.token, code },
      });
    };
    const newer = (await signInWithCode(recoveryCodes[0])).data!.completeTwoFactorSignIn.token;
    // At the cap of 2: the next sign-in ends member.token's session, the oldest.
    const oldestClient = liveClient(app, { token: member.token });
    const newerClient = liveClient(app, { token: newer });
    try {
      const oldestNotifications = subscribe(oldestClient, notificationAdded);
      subscribe(newerClient, notificationAdded);
      await until(() => listenerCount(app) === 2, 'both subscriptions are listening');

      const sessions = app.nest.get(SessionsService);
      const create = sessions.create.bind(sessions);
      vi.spyOn(sessions, 'create').mockImplementationOnce(async (...args) => {
        await create(...args);
        throw new Error('the sign-in fails once its session is written');
      });
      expect(codeOf(await signInWithCode(recoveryCodes[1]))).toBe('INTERNAL_SERVER_ERROR');
      expect((await app.query(meQuery, {}, { token: member.token })).me).toMatchObject({ id: member.id });
      // Signing the newer session out closes its socket through the same channel, after any close of the oldest's.
      expect(await newerClient.closeCodeAfter(() => app.query('mutation { signOut }', {}, { token: newer }))).toBe(4401);
      await until(() => listenerCount(app) === 1, "the newer session's listener is released");
      expect(await Promise.race([oldestNotifications.ended, 'open'])).toBe('open');

      // The second sign-in that commits goes past the cap again: it ends the oldest, and closes its socket then.
      const signInsPastTheCap = async () => {
        for (const code of recoveryCodes.slice(2, 4)) expect(codeOf(await signInWithCode(code))).toBe('OK');
      };
      expect(await oldestClient.closeCodeAfter(signInsPastTheCap)).toBe(4401);
      expect(await oldestNotifications.ended).toMatchObject({ error: { code: 4401 } });
    } finally {
      await Promise.all([oldestClient.dispose(), newerClient.dispose()]);
    }
  });
});

describe('accounts: rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The tests play clients behind a proxy on loopback that reports their addresses.
    app = await TestApp.start({
      RATE_LIMIT_SIGN_IN_ATTEMPTS: '3',
      RATE_LIMIT_SIGN_IN_IP_FAILURES_PER_DAY: '5',
      RATE_LIMIT_SIGN_UPS_PER_HOUR: '2',
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('pauses a login after too many failures from one IP, even for the right password, and not from another IP', async () => {
    const username = uniqueName();
    await signUp(app, username, { 'x-forwarded-for': '198.51.100.1' });
    for (let attempt = 0; attempt < 3; attempt++) {
      const failure = await signIn(app, username, 'wrong password', '203.0.113.1');
      expect(failure.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await signIn(app, username, password, '203.0.113.1');
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    await expect(signIn(app, username, password, '203.0.113.4')).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
  });

  it('resets the login count on success', async () => {
    const username = uniqueName();
    await signUp(app, username, { 'x-forwarded-for': '198.51.100.2' });
    const ip = '203.0.113.11';
    await signIn(app, username, 'wrong password', ip);
    await signIn(app, username, 'wrong password', ip);
    await expect(signIn(app, username, password, ip)).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
    await signIn(app, username, 'wrong password', ip);
    await signIn(app, username, 'wrong password', ip);
    await expect(signIn(app, username, password, ip)).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
  });

  it('limits failures per IP across accounts', async () => {
    const username = uniqueName();
    await signUp(app, username, { 'x-forwarded-for': '198.51.100.3' });
    const ip = '203.0.113.21';
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signIn(app, uniqueName('nobody'), password, ip)).resolves.toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    await expect(signIn(app, username, password, ip)).resolves.toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    await expect(signIn(app, username, password, '203.0.113.22')).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
  });

  it('limits sign-ups per IP and stores nothing past the limit', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.50' };
    await expect(signUp(app, uniqueName(), headers)).resolves.toMatchObject({ data: { signUp: { user: { role: 'MEMBER' } } } });
    await expect(signUp(app, uniqueName(), headers)).resolves.toMatchObject({ data: { signUp: { user: { role: 'MEMBER' } } } });
    const refused = uniqueName();
    const response = await signUp(app, refused, headers);
    expect(response.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await expect(app.query('query($u: String!) { user(username: $u) { id } }', { u: refused })).resolves.toEqual({ user: null });
    await expect(signUp(app, uniqueName(), { 'x-forwarded-for': '198.51.100.51' })).resolves.toMatchObject({
      data: { signUp: { user: { role: 'MEMBER' } } },
    });
  });
});

describe('accounts: secure cookies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ COOKIE_SECURE: 'true' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('marks the session cookie Secure when COOKIE_SECURE is set', async () => {
    const response = await signUp(app);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-twofa_session=[^;]+;.*; Secure/);
  });

  it('names it __Host-, host-only on every path, and reads no session from a cookie without the prefix', async () => {
    const response = await signUp(app);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/domain=/i);
    const [name, token] = setCookie.split(';')[0].split('=');
    expect(name).toBe('__Host-twofa_session');
    const me = { me: { id: response.data!.signUp.user.id } };
    await expect(app.query(meQuery, {}, { cookie: `${name}=${token}` })).resolves.toMatchObject(me);
    // What a page on a sibling subdomain can set for the parent domain: not a session here, over HTTP or the socket.
    const planted = `twofa_session=${token}`;
    await expect(app.query(meQuery, {}, { cookie: planted })).resolves.toEqual({ me: null });
    const origin = `http://${new URL(app.url).host}`;
    const plantedSocket = liveClient(app, { cookie: planted, origin });
    const ownSocket = liveClient(app, { cookie: `${name}=${token}`, origin });
    try {
      const refused = await subscribe(plantedSocket, notificationAdded).next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      subscribe(ownSocket, notificationAdded);
      await until(() => listenerCount(app, liveChannels.notifications(Number(me.me.id))) === 1, "the session's socket listening");
    } finally {
      await Promise.all([plantedSocket, ownSocket].map((client) => client.dispose()));
    }
  });

  it('clears the prefixed cookie of a session that ended elsewhere', async () => {
    const signedUp = await signUp(app);
    const cookie = cookieOf(signedUp, '__Host-twofa_session')!;
    await app.query('mutation { signOut }', {}, { token: signedUp.data!.signUp.token });
    const response = await app.request(meQuery, {}, { cookie });
    expect(response.data).toEqual({ me: null });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-twofa_session=;.*Expires=Thu, 01 Jan 1970.*; Secure/);
  });

  it('clears the prefixed cookie on sign-out', async () => {
    const cookie = cookieOf(await signUp(app), '__Host-twofa_session')!;
    const response = await app.request('mutation { signOut }', {}, { cookie });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-twofa_session=;.*Expires=Thu, 01 Jan 1970.*; Secure/);
    await expect(app.query(meQuery, {}, { cookie })).resolves.toEqual({ me: null });
  });
});
