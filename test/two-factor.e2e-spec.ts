import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSource } from 'typeorm';
import { TwoFactorCredentialEntity } from '../apps/api/src/two-factor/two-factor-credential.entity.js';
import { KnownDeviceEntity } from '../apps/api/src/two-factor/known-device.entity.js';
import { KnownDevicesService } from '../apps/api/src/two-factor/known-devices.service.js';
import { RecoveryCodeEntity } from '../apps/api/src/two-factor/recovery-code.entity.js';
import { SignInChallengeEntity } from '../apps/api/src/two-factor/sign-in-challenge.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { RateLimiterService } from '../apps/api/src/rate-limit/rate-limiter.service.js';
import { UserEntity } from '../apps/api/src/users/user.entity.js';
import { createAccount, enrolTwoFactor, testPassword, totpCode } from './support/accounts.js';
import { chromeOnLinux, firefoxOnWindows, type ListedDevice } from './support/devices.js';
import { liveClient, until } from './support/live-client.js';
import { holdCalls } from './support/hold-calls.js';
import { codeOf, cookieOf, type GraphqlResponse, TestApp } from './support/test-app.js';
import { useTwoInstances } from './support/instances.js';

const signUpMutation = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token user { id } } }';
const signInMutation =
  'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token expiresAt user { username } twoFactorChallenge { token expiresAt } } }';
const completeMutation =
  'mutation Complete($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token user { username } recoveryCodesLeft } }';
const statusQuery = 'query { twoFactorStatus { enabled recoveryCodesLeft requiredForStaffTools } }';
const password = 'a long enough password';
const wrongCode = 'That code is not right. Check the time on your phone, or use a recovery code.';
const usedCode = 'That code was already used. Wait for your app to show the next one, or use a recovery code.';
const usedRecoveryCode = 'That recovery code was already used: each one works once. Use another one, or a code from your app.';

interface Member {
  id: string;
  username: string;
  token: string;
  secret: string;
  recoveryCodes: string[];
  enrolmentCode: string;
  enrolmentDeviceToken: string;
}

describe('two-factor sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The per-IP budget is exercised on its own below; here every request comes from 127.0.0.1.
    app = await TestApp.start({ RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS: '100000' });
  });
  afterAll(async () => {
    await app.stop();
  });

  /** A member with a password, signed up and enrolled through the API. */
  async function member(): Promise<Member> {
    const username = `tf_${randomBytes(4).toString('hex')}`;
    const signedUp = await app.query(signUpMutation, { input: { username, email: `${username}@example.test`, password } });
    const token = signedUp.signUp.token as string;
    return { id: signedUp.signUp.user.id as string, username, token, ...(await enrolTwoFactor(app, token, password)) };
  }

  async function challengeFor(username: string): Promise<string> {
    const data = await app.query(signInMutation, { input: { login: username, password } });
    return data.signIn.twoFactorChallenge.token as string;
  }

  const complete = (challenge: string, code: string) => app.request(completeMutation, { input: { challenge, code } });

  describe('enrolment', () => {
    it('shows a QR code and the setup key, turns on with the first code, and stores the secret encrypted', async () => {
      const { token } = await createAccount(app, Role.MEMBER);
      const begun = await app.query('mutation { beginTwoFactorEnrolment { qrCodeSvg setupKey } }', {}, { token });
      expect(begun.beginTwoFactorEnrolment.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      const setupKey = begun.beginTwoFactorEnrolment.setupKey as string;
      expect(setupKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      await expect(app.query(statusQuery, {}, { token })).resolves.toEqual({
        twoFactorStatus: { enabled: false, recoveryCodesLeft: 0, requiredForStaffTools: false },
      });

      const confirm =
        'mutation C($code: String!, $password: String!) { confirmTwoFactorEnrolment(code: $code, password: $password) { codes } }';
      const wrong = await app.request(confirm, { code: '000000', password: testPassword }, { token });
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code' }] });
      // There are no recovery codes yet to point to.
      expect(wrong.errors?.[0].message).not.toMatch(/recovery code/);

      const secret = setupKey.replace(/ /g, '');
      // The session alone is not enough: it takes the password too, and a wrong one leaves two-factor sign-in off.
      for (const given of ['not my password', testPassword.toUpperCase()]) {
        const guessed = await app.request(confirm, { code: await totpCode(secret), password: given }, { token });
        expect(guessed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
      }
      const missing = await app.request(
        'mutation C($code: String!) { confirmTwoFactorEnrolment(code: $code) { codes } }',
        {
          code: await totpCode(secret),
        },
        { token },
      );
      expect(codeOf(missing)).toBe('GRAPHQL_VALIDATION_FAILED');
      await expect(app.query(statusQuery, {}, { token })).resolves.toMatchObject({ twoFactorStatus: { enabled: false } });

      const confirmed = await app.query(confirm, { code: await totpCode(secret), password: testPassword }, { token });
      const codes = confirmed.confirmTwoFactorEnrolment.codes as string[];
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      await expect(app.query(statusQuery, {}, { token })).resolves.toEqual({
        twoFactorStatus: { enabled: true, recoveryCodesLeft: 10, requiredForStaffTools: false },
      });

      const dataSource = app.nest.get(DataSource);
      const [row] = await dataSource.getRepository(TwoFactorCredentialEntity).find();
      expect(row.secretCiphertext.startsWith('v1.')).toBe(true);
      expect(row.secretCiphertext).not.toContain(secret);
      const hashes = await dataSource.getRepository(RecoveryCodeEntity).find();
      expect(hashes.map((hash) => hash.codeHash)).not.toContain(codes[0]);
      expect(JSON.stringify(hashes)).not.toContain(codes[0].replace(/-/g, ''));

      const again = await app.request('mutation { beginTwoFactorEnrolment { setupKey } }', {}, { token });
      expect(codeOf(again)).toBe('CONFLICT');
    });

    it('starts one enrolment when several first requests arrive at once, and the last key shown is the one that works', async () => {
      const username = `tf_${randomBytes(4).toString('hex')}`;
      const signedUp = await app.query(signUpMutation, { input: { username, email: `${username}@example.test`, password } });
      const token = signedUp.signUp.token as string;
      const begin = 'mutation { beginTwoFactorEnrolment { setupKey } }';
      const responses = await Promise.all(Array.from({ length: 20 }, () => app.request(begin, {}, { token })));
      expect(responses.map(codeOf)).toEqual(Array(20).fill('OK'));
      expect(
        await app.nest
          .get(DataSource)
          .getRepository(TwoFactorCredentialEntity)
          .countBy({ userId: Number(signedUp.signUp.user.id) }),
      ).toBe(1);

      const latest = await app.query(begin, {}, { token });
      const secret = latest.beginTwoFactorEnrolment.setupKey.replace(/\s/g, '');
      await expect(
        app.query(
          'mutation Confirm($code: String!, $password: String!) { confirmTwoFactorEnrolment(code: $code, password: $password) { codes } }',
          { code: await totpCode(secret), password },
          { token },
        ),
      ).resolves.toMatchObject({ confirmTwoFactorEnrolment: { codes: expect.any(Array) } });
    });

    it('has no secret in any GraphQL type', async () => {
      const schema = await app.query('query { __schema { types { name fields { name } inputFields { name } } } }');
      const names = schema.__schema.types.flatMap((type: { fields: { name: string }[] | null; inputFields: { name: string }[] | null }) =>
        [...(type.fields ?? []), ...(type.inputFields ?? [])].map((field) => field.name),
      );
      expect(names.filter((name: string) => /secret|ciphertext|hash/i.test(name))).toEqual([]);
    });
  });

  describe('signing in', () => {
    it('needs the password, then a code: no session before the code, and a challenge is used once', async () => {
      const account = await member();
      const first = await app.request(signInMutation, { input: { login: account.username, password } });
      expect(first.data?.signIn).toMatchObject({ token: null, user: null, twoFactorChallenge: { token: expect.any(String) } });
      expect(first.headers.get('set-cookie')).toBeNull();

      const challenge = first.data!.signIn.twoFactorChallenge.token;
      const wrong = await complete(challenge, '000000');
      expect(wrong.errors?.[0]).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringContaining('code is not right'),
      });

      const signedIn = await complete(challenge, await totpCode(account.secret, 1));
      expect(signedIn.data?.completeTwoFactorSignIn.user.username).toBe(account.username);
      // Only a recovery code has a count to tell.
      expect(signedIn.data?.completeTwoFactorSignIn.recoveryCodesLeft).toBeNull();
      expect(signedIn.headers.get('set-cookie')).toContain('twofa_session=');
      const me = await app.query('query { me { username } }', {}, { token: signedIn.data!.completeTwoFactorSignIn.token });
      expect(me.me.username).toBe(account.username);

      const reused = await complete(challenge, await totpCode(account.secret, 1));
      expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    });

    it('refuses a code whose time step was already used (replay), on a new challenge', async () => {
      const account = await member();
      const code = await totpCode(account.secret, 1);
      expect(codeOf(await complete(await challengeFor(account.username), code))).toBe('OK');
      const replayed = await complete(await challengeFor(account.username), code);
      expect(codeOf(replayed)).toBe('UNAUTHENTICATED');
      // The step before the used one is refused too.
      expect(codeOf(await complete(await challengeFor(account.username), await totpCode(account.secret, 0)))).toBe('UNAUTHENTICATED');
    });

    it('says a code was already used, with the error of a wrong one, and counts the try as a wrong one', async () => {
      const account = await member();
      const code = await totpCode(account.secret, 1);
      expect(codeOf(await complete(await challengeFor(account.username), code))).toBe('OK');
      const refused = (message: string) => ({ message, extensions: { code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CODE_WRONG' } });
      const challenge = await challengeFor(account.username);
      // Entered twice, as the app shows it, or the step before the one used.
      for (const replayed of [code, `${code.slice(0, 3)} ${code.slice(3)}`, await totpCode(account.secret, 0)]) {
        expect((await complete(challenge, replayed)).errors?.[0], replayed).toMatchObject(refused(usedCode));
      }
      // A code that never matched reads as before.
      expect((await complete(challenge, '000000')).errors?.[0]).toMatchObject(refused(wrongCode));
      expect((await complete(challenge, code)).errors?.[0]).toMatchObject(refused(usedCode));
      // That was the challenge's fifth try.
      expect(codeOf(await complete(challenge, code))).toBe('RATE_LIMITED');
    });

    it('accepts the code as the app shows it, in two groups of three', async () => {
      const account = await member();
      const code = await totpCode(account.secret, 1);
      const signedIn = await complete(await challengeFor(account.username), ` ${code.slice(0, 3)} ${code.slice(3)} `);
      expect(codeOf(signedIn)).toBe('OK');
    });

    it('accepts a recovery code once, and says how many are left', async () => {
      const account = await member();
      const recovery = account.recoveryCodes[3];
      const signedIn = await complete(await challengeFor(account.username), recovery.toUpperCase());
      expect(signedIn.data?.completeTwoFactorSignIn.recoveryCodesLeft).toBe(9);
      const second = await complete(await challengeFor(account.username), account.recoveryCodes[4]);
      expect(second.data?.completeTwoFactorSignIn.recoveryCodesLeft).toBe(8);
      const challenge = await challengeFor(account.username);
      expect((await complete(challenge, recovery)).errors?.[0]).toMatchObject({
        message: usedRecoveryCode,
        extensions: { code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CODE_WRONG' },
      });
      // One never issued reads as any wrong code.
      expect((await complete(challenge, 'aaaa-bbbb-cccc')).errors?.[0]).toMatchObject({
        message: wrongCode,
        extensions: { code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CODE_WRONG' },
      });
      await expect(app.query(statusQuery, {}, { token: account.token })).resolves.toMatchObject({
        twoFactorStatus: { recoveryCodesLeft: 8 },
      });
    });

    it('expires challenges after five minutes', async () => {
      const account = await member();
      const challenge = await challengeFor(account.username);
      // As if five minutes had passed.
      await app.nest
        .get(DataSource)
        .getRepository(SignInChallengeEntity)
        .update({ userId: Number(account.id) }, { expiresAt: new Date(Date.now() - 1000) });
      expect(await complete(challenge, await totpCode(account.secret, 1))).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('expired') }],
      });
    });
  });

  describe('recovery codes and turning off', () => {
    const regenerate = 'mutation Regenerate($code: String!) { regenerateRecoveryCodes(code: $code) { codes } }';

    it('regenerates the codes with a current code from the app, invalidating the old ones', async () => {
      const account = await member();
      const regenerated = await app.query(regenerate, { code: await totpCode(account.secret, 1) }, { token: account.token });
      const fresh = regenerated.regenerateRecoveryCodes.codes as string[];
      expect(fresh).toHaveLength(10);
      expect(fresh.some((code) => account.recoveryCodes.includes(code))).toBe(false);
      expect(codeOf(await complete(await challengeFor(account.username), account.recoveryCodes[0]))).toBe('UNAUTHENTICATED');
      expect(codeOf(await complete(await challengeFor(account.username), fresh[0]))).toBe('OK');
    });

    it('regenerates the codes with an unused recovery code, which is spent', async () => {
      const account = await member();
      const regenerated = await app.query(regenerate, { code: account.recoveryCodes[3] }, { token: account.token });
      expect(regenerated.regenerateRecoveryCodes.codes).toHaveLength(10);
      const again = await app.request(regenerate, { code: account.recoveryCodes[3] }, { token: account.token });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code' }] });
    });

    it('refuses a session alone, or with a wrong or used code, and leaves the codes as they were', async () => {
      const account = await member();
      const bare = await app.request('mutation { regenerateRecoveryCodes { codes } }', {}, { token: account.token });
      expect(bare.errors).toHaveLength(1);
      expect(bare.data ?? null).toBeNull();
      for (const [code, message] of [
        ['000000', wrongCode],
        ['aaaa-bbbb-cccc', wrongCode],
        // The code that turned it on cannot be used again.
        [account.enrolmentCode, usedCode],
      ]) {
        const refused = await app.request(regenerate, { code }, { token: account.token });
        expect(refused.errors?.[0].extensions, code).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', message }] });
      }
      await expect(app.query(statusQuery, {}, { token: account.token })).resolves.toMatchObject({
        twoFactorStatus: { recoveryCodesLeft: 10 },
      });
      expect(codeOf(await complete(await challengeFor(account.username), account.recoveryCodes[0]))).toBe('OK');
    });

    it('turns off with a current code, or with the password plus a recovery code, and not with either alone', async () => {
      const disable = 'mutation D($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { enabled } }';
      const byCode = await member();
      expect(codeOf(await app.request(disable, { input: { password } }, { token: byCode.token }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.request(disable, { input: { recoveryCode: byCode.recoveryCodes[0] } }, { token: byCode.token }))).toBe(
        'BAD_USER_INPUT',
      );
      // The code field takes no recovery code here: the message points to the password and recovery code instead.
      for (const code of ['000000', byCode.recoveryCodes[0]]) {
        const wrong = await app.request(disable, { input: { code } }, { token: byCode.token });
        expect(wrong.errors?.[0]).toMatchObject({
          message: 'code: That code is not right. Check the time on your phone, or use your password and a recovery code instead.',
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const used = await app.request(disable, { input: { code: byCode.enrolmentCode } }, { token: byCode.token });
      expect(used.errors?.[0]).toMatchObject({
        message:
          'code: That code was already used. Wait for your app to show the next one, or use your password and a recovery code instead.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const off = await app.query(disable, { input: { code: await totpCode(byCode.secret, 1) } }, { token: byCode.token });
      expect(off.disableTwoFactor.enabled).toBe(false);
      const plain = await app.query(signInMutation, { input: { login: byCode.username, password } });
      expect(plain.signIn).toMatchObject({ token: expect.any(String), twoFactorChallenge: null });

      const byRecovery = await member();
      const wrongPassword = await app.request(
        disable,
        { input: { password: 'not the password at all', recoveryCode: byRecovery.recoveryCodes[0] } },
        { token: byRecovery.token },
      );
      expect(codeOf(wrongPassword)).toBe('BAD_USER_INPUT');
      const spent = byRecovery.recoveryCodes[1];
      expect(codeOf(await complete(await challengeFor(byRecovery.username), spent))).toBe('OK');
      // A used recovery code is told apart only once the password is right.
      const spentWithWrongPassword = await app.request(
        disable,
        { input: { password: 'not the password at all', recoveryCode: spent } },
        { token: byRecovery.token },
      );
      expect(spentWithWrongPassword.errors?.[0].extensions?.fields).toEqual([
        { field: 'recoveryCode', message: 'That password and recovery code do not match this account' },
      ]);
      const spentWithPassword = await app.request(disable, { input: { password, recoveryCode: spent } }, { token: byRecovery.token });
      expect(spentWithPassword.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'recoveryCode', message: usedRecoveryCode }],
      });
      // A wrong password does not spend the recovery code.
      const offAgain = await app.query(
        disable,
        { input: { password, recoveryCode: byRecovery.recoveryCodes[0] } },
        { token: byRecovery.token },
      );
      expect(offAgain.disableTwoFactor.enabled).toBe(false);
    });
  });

  describe('guessing codes', () => {
    it('sequential: five tries per challenge, then RATE_LIMITED even for the right code', async () => {
      const account = await member();
      const challenge = await challengeFor(account.username);
      const results: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) results.push(codeOf(await complete(challenge, String(100000 + attempt))));
      results.push(codeOf(await complete(challenge, await totpCode(account.secret, 1))));
      expect(results).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
    });

    it('aliases: ten guesses in one document get one code check between them', async () => {
      const account = await member();
      const aliased = (challenge: string, codes: string[]) =>
        `mutation { ${codes.map((code, index) => `a${index}: completeTwoFactorSignIn(input: { challenge: "${challenge}", code: "${code}" }) { token }`).join('\n')} }`;
      const challenge = await challengeFor(account.username);
      const wrong = await app.request(
        aliased(
          challenge,
          Array.from({ length: 10 }, (_, index) => String(200000 + index)),
        ),
      );
      expect(wrong.errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([['a0', 'UNAUTHENTICATED']]);
      // One of the challenge's five tries is gone: four more wrong ones, then it is spent.
      const after: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) after.push(codeOf(await complete(challenge, String(300000 + attempt))));
      expect(after).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);

      // A right code first: every alias after it is refused before its code is looked at.
      const next = await challengeFor(account.username);
      const right = await app.request(
        aliased(next, [await totpCode(account.secret, 1), ...Array.from({ length: 9 }, (_, index) => String(210000 + index))]),
      );
      const codes = (right.errors ?? []).map((error) => error.extensions?.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
      expect(right.errors?.[0].message).toContain('one code per request');
    });

    it('batch: an array of operations is refused outright and costs no tries', async () => {
      const account = await member();
      const challenge = await challengeFor(account.username);
      const batch = Array.from({ length: 10 }, (_, index) => ({
        query: completeMutation,
        variables: { input: { challenge, code: String(400000 + index) } },
      }));
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(400);
      const tries: string[] = [];
      for (let attempt = 0; attempt < 6; attempt++) tries.push(codeOf(await complete(challenge, String(500000 + attempt))));
      expect(tries.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(tries.at(-1)).toBe('RATE_LIMITED');
    });

    it('concurrent: twenty requests at once on one challenge get exactly five code checks', async () => {
      const account = await member();
      const challenge = await challengeFor(account.username);
      const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => complete(challenge, String(600000 + index))));
      const codes = responses.map(codeOf);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
    });

    it('per account: ten tries in 15 minutes across challenges, then even a fresh challenge is refused', async () => {
      const account = await member();
      // Enrolment's confirmation was the account's first try.
      const codes: string[] = [];
      for (let round = 0; round < 3; round++) {
        const challenge = await challengeFor(account.username);
        for (let attempt = 0; attempt < 4; attempt++) codes.push(codeOf(await complete(challenge, String(700000 + round * 10 + attempt))));
      }
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(9);
      expect(codes.slice(9)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(codeOf(await complete(await challengeFor(account.username), await totpCode(account.secret, 1)))).toBe('RATE_LIMITED');
    });

    it('socket: the code step is not served over the WebSocket, and trying costs nothing', async () => {
      const account = await member();
      const challenge = await challengeFor(account.username);
      const client = liveClient(app);
      try {
        const results = await Promise.all(
          Array.from(
            { length: 10 },
            (_, index) =>
              new Promise<unknown>((resolve) => {
                client.subscribe(
                  { query: completeMutation, variables: { input: { challenge, code: String(800000 + index) } } },
                  { next: resolve, error: resolve, complete: () => resolve('complete') },
                );
              }),
          ),
        );
        for (const result of results) expect(JSON.stringify(result)).not.toContain('"token"');
      } finally {
        await client.dispose();
      }
      const tries: string[] = [];
      for (let attempt = 0; attempt < 6; attempt++) tries.push(codeOf(await complete(challenge, String(900000 + attempt))));
      expect(tries).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
    });
  });

  // Each sign-in hashes a password (argon2): these play many.
  describe('known devices (device cookies)', { timeout: 120_000 }, () => {
    const completeWithDevice =
      'mutation Complete($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { token deviceToken user { username } } }';

    /** Signs in with a recovery code (TOTP steps are scarce in a test) from a browser new to the account: its device cookie. */
    async function knownBrowserOf(
      account: Member,
      recoveryCode: string,
      userAgent?: string,
    ): Promise<{ cookie: string; deviceToken: string }> {
      const signedIn = await app.request(
        completeWithDevice,
        { input: { challenge: await challengeFor(account.username), code: recoveryCode } },
        { headers: userAgent ? { 'user-agent': userAgent } : {} },
      );
      expect(codeOf(signedIn)).toBe('OK');
      const cookie = cookieOf(signedIn, 'twofa_device')!;
      expect(cookie).toBe(`twofa_device=${signedIn.data!.completeTwoFactorSignIn.deviceToken}`);
      return { cookie, deviceToken: signedIn.data!.completeTwoFactorSignIn.deviceToken };
    }

    /** Someone who knows the password spends the account's budget for unknown devices, until even a fresh challenge is refused. */
    async function spendAccountBudget(account: Member): Promise<void> {
      const codes: string[] = [];
      for (let round = 0; round < 3; round++) {
        const challenge = await challengeFor(account.username);
        for (let attempt = 0; attempt < 4; attempt++) codes.push(codeOf(await complete(challenge, String(600000 + round * 10 + attempt))));
      }
      expect(codes.slice(-3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    }

    it('gives the browser a long-lived httpOnly device cookie at a two-factor sign-in, stored hashed', async () => {
      const account = await member();
      const signedIn = await app.request(completeWithDevice, {
        input: { challenge: await challengeFor(account.username), code: account.recoveryCodes[0] },
      });
      const deviceToken = signedIn.data!.completeTwoFactorSignIn.deviceToken as string;
      expect(deviceToken).toMatch(/^[\w-]{43}$/);
      const setCookie = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith('twofa_device='))!;
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Strict/);
      expect(setCookie).toMatch(/; Path=\//);
      const expires = new Date(/Expires=([^;]+)/.exec(setCookie)![1]);
      expect(expires.getTime() - Date.now()).toBeGreaterThan(300 * 86_400_000);
      const rows = await app.nest
        .get(DataSource)
        .getRepository(KnownDeviceEntity)
        .findBy({ userId: Number(account.id) });
      // The enrolment's client (it proved the first code) and this browser.
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain(deviceToken);
      // Signing up (no code step) gives none.
      const username = `tf_${randomBytes(4).toString('hex')}`;
      const signedUp = await app.request('mutation S($input: SignUpInput!) { signUp(input: $input) { deviceToken } }', {
        input: { username, email: `${username}@example.test`, password },
      });
      expect(signedUp.data?.signUp.deviceToken).toBeNull();
      expect(cookieOf(signedUp, 'twofa_device')).toBeUndefined();
    });

    it("lets the holder's known browser and API client sign in while someone with the password has spent the account's budget", async () => {
      const account = await member();
      const browser = await knownBrowserOf(account, account.recoveryCodes[0]);
      const apiClient = await knownBrowserOf(account, account.recoveryCodes[1]);
      // Another member's device, and a made-up token: neither is a device of this account.
      const other = await member();
      const foreign = await knownBrowserOf(other, other.recoveryCodes[0]);

      await spendAccountBudget(account);

      // Without a device token of the account, the right code is refused: the guard against guessing holds.
      const rightCode = await totpCode(account.secret, 1);
      for (const cookie of [undefined, 'twofa_device=' + 'A'.repeat(43), foreign.cookie]) {
        const refused = await app.request(
          completeWithDevice,
          { input: { challenge: await challengeFor(account.username), code: rightCode } },
          { cookie },
        );
        expect(codeOf(refused)).toBe('RATE_LIMITED');
      }
      const foreignAsInput = await app.request(completeWithDevice, {
        input: { challenge: await challengeFor(account.username), code: rightCode, deviceToken: foreign.deviceToken },
      });
      expect(codeOf(foreignAsInput)).toBe('RATE_LIMITED');

      // The holder's browser (its cookie) and API client (deviceToken) get in.
      const signedIn = await app.request(
        completeWithDevice,
        { input: { challenge: await challengeFor(account.username), code: rightCode } },
        { cookie: browser.cookie },
      );
      expect(codeOf(signedIn)).toBe('OK');
      expect(signedIn.data?.completeTwoFactorSignIn).toMatchObject({
        user: { username: account.username },
        deviceToken: browser.deviceToken,
      });
      const viaApi = await app.request(completeWithDevice, {
        input: { challenge: await challengeFor(account.username), code: account.recoveryCodes[2], deviceToken: apiClient.deviceToken },
      });
      expect(codeOf(viaApi)).toBe('OK');
    });

    it('gives the API client that turns two-factor on its device token, which keeps a budget of its own', async () => {
      const account = await member();
      expect(account.enrolmentDeviceToken).toMatch(/^[\w-]{43}$/);
      await spendAccountBudget(account);
      const signedIn = await app.request(completeWithDevice, {
        input: {
          challenge: await challengeFor(account.username),
          code: account.recoveryCodes[0],
          deviceToken: account.enrolmentDeviceToken,
        },
      });
      expect(codeOf(signedIn)).toBe('OK');
      expect(signedIn.data?.completeTwoFactorSignIn.deviceToken).toBe(account.enrolmentDeviceToken);
    });

    it('tells the holder once, in their notifications, when someone with their password gets the code wrong', async () => {
      const account = await member();
      const browser = await knownBrowserOf(account, account.recoveryCodes[0]);
      const notificationsQuery = '{ notifications(first: 10) { nodes { kind thread { id } read } } unreadNotificationCount }';
      // The holder's own slips on a known browser are no news.
      for (let attempt = 0; attempt < 2; attempt++) {
        const slipped = await app.request(
          completeMutation,
          { input: { challenge: await challengeFor(account.username), code: '111111' } },
          { cookie: browser.cookie },
        );
        expect(codeOf(slipped)).toBe('UNAUTHENTICATED');
      }
      await expect(app.query(notificationsQuery, {}, { token: account.token })).resolves.toEqual({
        notifications: { nodes: [] },
        unreadNotificationCount: 0,
      });

      // A burst of wrong codes from elsewhere, on two challenges: one notification.
      const codes: string[] = [];
      for (let round = 0; round < 2; round++) {
        const challenge = await challengeFor(account.username);
        for (let attempt = 0; attempt < 3; attempt++) codes.push(codeOf(await complete(challenge, String(400000 + round * 10 + attempt))));
      }
      expect(codes).toEqual(Array(6).fill('UNAUTHENTICATED'));
      // Told off the requests: a moment after them.
      await until(
        async () => (await app.query(notificationsQuery, {}, { token: account.token })).unreadNotificationCount > 0,
        'the holder is told',
      );
      await expect(app.query(notificationsQuery, {}, { token: account.token })).resolves.toEqual({
        notifications: { nodes: [{ kind: 'SIGN_IN_ATTEMPT', thread: null, read: false }] },
        unreadNotificationCount: 1,
      });
    });

    it('answers a wrong code without waiting for the notification, and logs a notification that fails', async () => {
      const account = await member();
      const limiter = app.nest.get(RateLimiterService);
      const consume = limiter.consume.bind(limiter);
      let fail: (error: Error) => void = () => undefined;
      const telling = new Promise<never>((_resolve, reject) => (fail = reject));
      // The notification's own rate limit (see NotificationsService) hangs until the test lets it fail.
      const held = vi
        .spyOn(limiter, 'consume')
        .mockImplementation((key, ...rest) => (key.startsWith('notify:sign-in-attempt:') ? telling : consume(key, ...rest)));
      const errors = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const answered = await Promise.race([
          complete(await challengeFor(account.username), '400000').then(codeOf),
          new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
        ]);
        expect(answered).toBe('UNAUTHENTICATED');
        await until(() => held.mock.calls.some(([key]) => key.startsWith('notify:sign-in-attempt:')), 'the notification is under way');

        fail(new Error('the rate limiter is away'));
        await until(() => errors.mock.calls.length > 0, 'the failure is logged');
        expect(String(errors.mock.calls[0]?.[0])).toContain(`Could not tell user ${account.id} of a sign-in attempt`);
        expect(String(errors.mock.calls[0]?.[0])).toContain('the rate limiter is away');
      } finally {
        held.mockRestore();
        errors.mockRestore();
      }
    });

    it("gives each known device ten tries of its own: guessing from one spends neither the account's nor another's", async () => {
      const account = await member();
      const browser = await knownBrowserOf(account, account.recoveryCodes[0]);
      const codes: string[] = [];
      for (let round = 0; round < 3; round++) {
        const challenge = await challengeFor(account.username);
        for (let attempt = 0; attempt < 4; attempt++) {
          codes.push(
            codeOf(
              await app.request(
                completeMutation,
                { input: { challenge, code: String(500000 + round * 10 + attempt) } },
                { cookie: browser.cookie },
              ),
            ),
          );
        }
      }
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      // A new browser still has the account's budget (its first try went to enrolment).
      expect(codeOf(await complete(await challengeFor(account.username), await totpCode(account.secret, 1)))).toBe('OK');
    });

    describe('the list, and forgetting', () => {
      const listQuery =
        'query Devices($deviceToken: String) { knownDevices(deviceToken: $deviceToken) { id label createdAt lastUsedAt current } }';
      const forgetMutation = 'mutation Forget($id: ID!) { forgetKnownDevice(id: $id) }';
      const forgetOthersMutation = 'mutation ForgetOthers($deviceToken: String) { forgetOtherKnownDevices(deviceToken: $deviceToken) }';

      const list = async (account: Member, options: { cookie?: string; deviceToken?: string } = {}) =>
        (
          await app.query<{ knownDevices: ListedDevice[] }>(
            listQuery,
            { deviceToken: options.deviceToken },
            { token: account.token, cookie: options.cookie },
          )
        ).knownDevices;

      it('lists the browsers and clients that signed in with two-factor, named, the latest used first, this one marked', async () => {
        const account = await member();
        const chrome = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const firefox = await knownBrowserOf(account, account.recoveryCodes[1], firefoxOnWindows);

        const seenFromChrome = await list(account, { cookie: chrome.cookie });
        // The client that turned it on (this suite's, with no browser User-Agent) is remembered too.
        expect(seenFromChrome.map(({ label, current }) => [label, current])).toEqual([
          ['Firefox on Windows', false],
          ['Chrome on Linux', true],
          ['API client', false],
        ]);
        for (const device of seenFromChrome) expect(Date.parse(device.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(device.createdAt));
        // An API client names itself by its deviceToken; without a cookie or token no device is this one.
        expect((await list(account, { deviceToken: firefox.deviceToken })).map((device) => device.current)).toEqual([true, false, false]);
        expect((await list(account)).map((device) => device.current)).toEqual([false, false, false]);
        // Another account's device token is not one of these.
        const other = await member();
        const foreign = await knownBrowserOf(other, other.recoveryCodes[0], chromeOnLinux);
        expect((await list(account, { cookie: foreign.cookie })).some((device) => device.current)).toBe(false);

        // Signing in again from Chrome moves its last use, not when it was added, and its label stays.
        const before = seenFromChrome.find((device) => device.current)!;
        const again = await app.request(
          completeWithDevice,
          { input: { challenge: await challengeFor(account.username), code: account.recoveryCodes[2] } },
          { cookie: chrome.cookie, headers: { 'user-agent': firefoxOnWindows } },
        );
        expect(codeOf(again)).toBe('OK');
        const after = await list(account, { cookie: chrome.cookie });
        expect(after[0]).toMatchObject({ id: before.id, label: 'Chrome on Linux', createdAt: before.createdAt, current: true });
        expect(Date.parse(after[0].lastUsedAt)).toBeGreaterThan(Date.parse(before.lastUsedAt));

        // An expired device is no longer listed.
        await app.nest
          .get(DataSource)
          .getRepository(KnownDeviceEntity)
          .update({ id: Number(after[1].id) }, { expiresAt: new Date(Date.now() - 1000) });
        expect((await list(account, { cookie: chrome.cookie })).map((device) => device.label)).toEqual(['Chrome on Linux', 'API client']);
      });

      it("forgets a device: its code checks count against the account's budget again", async () => {
        const account = await member();
        const laptop = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const [listed] = await list(account, { cookie: laptop.cookie });
        expect(listed).toMatchObject({ label: 'Chrome on Linux', current: true });

        await spendAccountBudget(account);
        // Forgotten from another session (the holder's phone): the laptop keeps its cookie, but it names nothing now.
        await expect(app.query(forgetMutation, { id: listed.id }, { token: account.token })).resolves.toEqual({ forgetKnownDevice: true });
        expect((await list(account, { cookie: laptop.cookie })).map((device) => device.label)).toEqual(['API client']);
        for (const code of ['111111', account.recoveryCodes[1]]) {
          const refused = await app.request(
            completeWithDevice,
            { input: { challenge: await challengeFor(account.username), code } },
            { cookie: laptop.cookie },
          );
          expect(codeOf(refused), code).toBe('RATE_LIMITED');
        }
        const asApiClient = await app.request(completeWithDevice, {
          input: { challenge: await challengeFor(account.username), code: account.recoveryCodes[1], deviceToken: laptop.deviceToken },
        });
        expect(codeOf(asApiClient)).toBe('RATE_LIMITED');
        expect(codeOf(await app.request(forgetMutation, { id: listed.id }, { token: account.token }))).toBe('NOT_FOUND');
      });

      it('clears the cookie of the browser that forgets itself', async () => {
        const account = await member();
        const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const own = (await list(account, { cookie: browser.cookie })).find((device) => device.current)!;
        const forgotten = await app.request(forgetMutation, { id: own.id }, { token: account.token, cookie: browser.cookie });
        expect(forgotten.data).toEqual({ forgetKnownDevice: true });
        const cleared = forgotten.headers.getSetCookie().find((cookie) => cookie.startsWith('twofa_device='));
        expect(cleared).toMatch(/^twofa_device=; .*Expires=Thu, 01 Jan 1970/);
        // Forgetting another device leaves this browser's cookie alone.
        const next = await knownBrowserOf(account, account.recoveryCodes[1], firefoxOnWindows);
        const enrolled = (await list(account, { cookie: next.cookie })).find((device) => device.label === 'API client')!;
        const other = await app.request(forgetMutation, { id: enrolled.id }, { token: account.token, cookie: next.cookie });
        expect(other.data).toEqual({ forgetKnownDevice: true });
        expect(cookieOf(other, 'twofa_device')).toBeUndefined();
      });

      it('keeps the cookie of a browser whose forgetting of itself fails, as it keeps the device', async () => {
        const account = await member();
        const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const own = (await list(account, { cookie: browser.cookie })).find((device) => device.current)!;
        const devices = app.nest.get(KnownDevicesService);
        const forget = devices.forget.bind(devices);
        // The device is deleted, then the database fails before the transaction commits.
        const failing = vi.spyOn(devices, 'forget').mockImplementationOnce(async (...args) => {
          await forget(...args);
          throw new Error('Connection terminated');
        });
        try {
          const failed = await app.request(forgetMutation, { id: own.id }, { token: account.token, cookie: browser.cookie });
          expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
          expect(cookieOf(failed, 'twofa_device')).toBeUndefined();
        } finally {
          failing.mockRestore();
        }
        expect((await list(account, { cookie: browser.cookie })).find((device) => device.current)).toEqual(own);
        const forgotten = await app.request(forgetMutation, { id: own.id }, { token: account.token, cookie: browser.cookie });
        expect(cookieOf(forgotten, 'twofa_device')).toBe('twofa_device=');
      });

      it('forgets every device but this one, and says how many', async () => {
        const account = await member();
        const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const apiClient = await knownBrowserOf(account, account.recoveryCodes[1]);
        await knownBrowserOf(account, account.recoveryCodes[2], firefoxOnWindows);
        const forgotten = await app.query(forgetOthersMutation, {}, { token: account.token, cookie: browser.cookie });
        expect(forgotten).toEqual({ forgetOtherKnownDevices: 3 });
        expect((await list(account, { cookie: browser.cookie })).map(({ label, current }) => [label, current])).toEqual([
          ['Chrome on Linux', true],
        ]);
        expect(codeOf(await app.request(listQuery, { deviceToken: apiClient.deviceToken }, { token: account.token }))).toBe('OK');

        // An API client names itself by its deviceToken; a session with neither forgets them all.
        const again = await knownBrowserOf(account, account.recoveryCodes[3]);
        await expect(app.query(forgetOthersMutation, { deviceToken: again.deviceToken }, { token: account.token })).resolves.toEqual({
          forgetOtherKnownDevices: 1,
        });
        await expect(app.query(forgetOthersMutation, {}, { token: account.token })).resolves.toEqual({ forgetOtherKnownDevices: 1 });
        await expect(list(account)).resolves.toEqual([]);
      });

      it("answers NOT_FOUND for another member's device, as for none, and leaves it remembered", async () => {
        const account = await member();
        const other = await member();
        const othersBrowser = await knownBrowserOf(other, other.recoveryCodes[0], chromeOnLinux);
        const othersDevice = (await list(other, { cookie: othersBrowser.cookie })).find((device) => device.current)!;

        const refused = await app.request(forgetMutation, { id: othersDevice.id }, { token: account.token, cookie: othersBrowser.cookie });
        const missing = await app.request(forgetMutation, { id: '2147483647' }, { token: account.token });
        for (const response of [refused, missing]) {
          expect(response.errors?.[0]).toMatchObject({
            message: expect.stringMatching(/^Known device \d+ was not found$/),
            extensions: { code: 'NOT_FOUND', reason: 'KNOWN_DEVICE_NOT_FOUND' },
          });
        }
        expect(cookieOf(refused, 'twofa_device')).toBeUndefined();
        expect(await list(other, { cookie: othersBrowser.cookie })).toContainEqual(othersDevice);
        // Its own list does not show it, nor call it this one.
        expect((await list(account, { cookie: othersBrowser.cookie })).map(({ label, current }) => [label, current])).toEqual([
          ['API client', false],
        ]);
        for (const id of ['0', '-1', 'abc', '99999999999']) {
          expect(codeOf(await app.request(forgetMutation, { id }, { token: account.token })), id).toBe('BAD_USER_INPUT');
        }
      });

      it('answers UNAUTHENTICATED to a visitor', async () => {
        const account = await member();
        const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        const [device] = await list(account, { cookie: browser.cookie });
        for (const [query, variables] of [
          [listQuery, {}],
          [listQuery, { deviceToken: browser.deviceToken }],
          [forgetMutation, { id: device.id }],
          [forgetOthersMutation, { deviceToken: browser.deviceToken }],
        ] as const) {
          const response = await app.request(query, variables, { cookie: browser.cookie });
          expect(codeOf(response), query).toBe('UNAUTHENTICATED');
          expect(response.data ?? null).toBeNull();
        }
        expect(await list(account, { cookie: browser.cookie })).toHaveLength(2);
      });

      it("forgets the account's devices when two-factor sign-in is turned off; turning it on again remembers only that client", async () => {
        const account = await member();
        const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
        await knownBrowserOf(account, account.recoveryCodes[1], firefoxOnWindows);
        expect(await list(account)).toHaveLength(3);

        const off = await app.request(
          'mutation Off($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { enabled } }',
          { input: { code: await totpCode(account.secret, 1) } },
          { token: account.token, cookie: browser.cookie },
        );
        expect(off.data).toEqual({ disableTwoFactor: { enabled: false } });
        expect(cookieOf(off, 'twofa_device')).toBe('twofa_device=');
        await expect(list(account)).resolves.toEqual([]);
        expect(
          await app.nest
            .get(DataSource)
            .getRepository(KnownDeviceEntity)
            .countBy({ userId: Number(account.id) }),
        ).toBe(0);

        // Turned on again from the browser, whose old cookie names nothing now: it alone is remembered, as a new device.
        const begun = await app.query('mutation { beginTwoFactorEnrolment { setupKey } }', {}, { token: account.token });
        const secret = begun.beginTwoFactorEnrolment.setupKey.replace(/\s/g, '');
        const on = await app.request(
          'mutation Confirm($code: String!, $password: String!) { confirmTwoFactorEnrolment(code: $code, password: $password) { codes deviceToken } }',
          { code: await totpCode(secret), password },
          { token: account.token, cookie: browser.cookie, headers: { 'user-agent': chromeOnLinux } },
        );
        const newCookie = cookieOf(on, 'twofa_device')!;
        expect(newCookie).not.toBe(browser.cookie);
        expect(newCookie).toBe(`twofa_device=${on.data!.confirmTwoFactorEnrolment.deviceToken}`);
        expect((await list(account, { cookie: newCookie })).map(({ label, current }) => [label, current])).toEqual([
          ['Chrome on Linux', true],
        ]);
      });

      describe('turning off when its transaction fails', () => {
        const disable = 'mutation Off($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { enabled } }';
        const devices = () => app.nest.get(KnownDevicesService);

        /** The next forgetAllOf deletes the devices, then the database fails before the transaction commits. */
        function failNextForgetting() {
          const forgetAllOf = devices().forgetAllOf.bind(devices());
          return vi.spyOn(devices(), 'forgetAllOf').mockImplementationOnce(async (...args) => {
            await forgetAllOf(...args);
            throw new Error('Connection terminated');
          });
        }

        it("spends no code and keeps this browser's device cookie; the same code then turns it off", async () => {
          for (const kind of ['code', 'recovery code'] as const) {
            const account = await member();
            const browser = await knownBrowserOf(account, account.recoveryCodes[0], chromeOnLinux);
            const input =
              kind === 'code' ? { code: await totpCode(account.secret, 1) } : { password, recoveryCode: account.recoveryCodes[1] };
            const asBrowser = { token: account.token, cookie: browser.cookie };
            const failing = failNextForgetting();
            try {
              const failed = await app.request(disable, { input }, asBrowser);
              expect(codeOf(failed), kind).toBe('INTERNAL_SERVER_ERROR');
              expect(cookieOf(failed, 'twofa_device'), kind).toBeUndefined();
            } finally {
              failing.mockRestore();
            }
            await expect(app.query(statusQuery, {}, { token: account.token }), kind).resolves.toMatchObject({
              twoFactorStatus: { enabled: true, recoveryCodesLeft: 9 },
            });
            const remembered = (await list(account, { cookie: browser.cookie })).find((device) => device.current);
            expect(remembered, kind).toMatchObject({ label: 'Chrome on Linux' });

            const off = await app.request(disable, { input }, asBrowser);
            expect(off.data, kind).toEqual({ disableTwoFactor: { enabled: false } });
            expect(cookieOf(off, 'twofa_device'), kind).toBe('twofa_device=');
          }
        });

        /** Two requests to turn off with one code, both past their checks before either's transaction starts. */
        async function disableTwiceAtOnce(account: Member, code: string): Promise<GraphqlResponse[]> {
          const transactions = holdCalls(app.nest.get(DataSource).manager, 'transaction', { when: 'before' });
          try {
            const requests = [1, 2].map(() => app.request(disable, { input: { code } }, { token: account.token }));
            await until(() => transactions.held.length === 2, 'both requests have checked the code');
            transactions.release();
            return (await Promise.all(requests)).sort((first, second) => codeOf(first).localeCompare(codeOf(second)));
          } finally {
            transactions.restore();
          }
        }

        it('lets one of two requests with the same code turn it off, and refuses the other', async () => {
          const account = await member();
          const [refused, off] = await disableTwiceAtOnce(account, await totpCode(account.secret, 1));
          expect(codeOf(off)).toBe('OK');
          // The other one's code was right, and spent by the first: it was entered twice.
          expect(refused.errors?.[0]).toMatchObject({
            message: expect.stringContaining('already used'),
            extensions: { code: 'BAD_USER_INPUT' },
          });
          await expect(app.query(statusQuery, {}, { token: account.token })).resolves.toMatchObject({
            twoFactorStatus: { enabled: false },
          });
        });

        it('lets the other of two requests with the same code turn it off when the first one fails', async () => {
          const account = await member();
          const failing = failNextForgetting();
          try {
            expect((await disableTwiceAtOnce(account, await totpCode(account.secret, 1))).map(codeOf)).toEqual([
              'INTERNAL_SERVER_ERROR',
              'OK',
            ]);
          } finally {
            failing.mockRestore();
          }
          await expect(app.query(statusQuery, {}, { token: account.token })).resolves.toMatchObject({
            twoFactorStatus: { enabled: false },
          });
        });
      });
    });
  });

  describe('staff', () => {
    it('refuses staff tools until the staff member turns two-factor sign-in on', async () => {
      // A member just promoted (as setUserRole would), who has not enrolled yet.
      const staff = await createAccount(app, Role.MEMBER);
      await app.nest
        .get(DataSource)
        .getRepository(UserEntity)
        .update({ id: Number(staff.id) }, { role: Role.STAFF });
      const refused = await app.request('query { openFlags { nodes { id } } }', {}, { token: staff.token });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'Turn on two-factor sign-in to use staff tools',
        extensions: { code: 'FORBIDDEN', reason: 'TWO_FACTOR_REQUIRED' },
      });
      await expect(app.query(statusQuery, {}, { token: staff.token })).resolves.toMatchObject({
        twoFactorStatus: { requiredForStaffTools: true },
      });
      await enrolTwoFactor(app, staff.token);
      await expect(app.query('query { openFlags { nodes { id } } }', {}, { token: staff.token })).resolves.toHaveProperty(
        'openFlags.nodes',
      );
    });

    it('ends the sessions signed in with the password alone when two-factor sign-in is turned on: they get no staff tools', async () => {
      const staff = await createAccount(app, Role.MEMBER);
      await app.nest
        .get(DataSource)
        .getRepository(UserEntity)
        .update({ id: Number(staff.id) }, { role: Role.STAFF });
      // Whoever had the password before the holder turned two-factor sign-in on.
      const passwordOnly = await app.query(signInMutation, { input: { login: staff.username, password: testPassword } });
      const otherToken = passwordOnly.signIn.token as string;
      await enrolTwoFactor(app, staff.token);

      const other = await app.request('query { me { username } openFlags { nodes { id } } }', {}, { token: otherToken });
      expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await expect(app.query('query { me { username } }', {}, { token: otherToken })).resolves.toEqual({ me: null });
      await expect(app.query('query { openFlags { nodes { id } } }', {}, { token: staff.token })).resolves.toHaveProperty(
        'openFlags.nodes',
      );
    });
  });
});

describe('two-factor sign-in: the per-IP budget', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The suite plays several clients through X-Forwarded-For, so it trusts its loopback proxy.
    app = await TestApp.start({ RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('counts tries per IP, even on unknown challenges', async () => {
    const tries: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await app.request(
        completeMutation,
        { input: { challenge: `made-up-${attempt}`, code: '123456' } },
        { from: '127.0.0.7' },
      );
      tries.push(codeOf(response));
    }
    expect(tries).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    const elsewhere = await app.request(completeMutation, { input: { challenge: 'made-up', code: '123456' } }, { from: '127.0.0.8' });
    expect(codeOf(elsewhere)).toBe('UNAUTHENTICATED');
  });
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('two-factor sign-in on two instances sharing Redis', () => {
  const instances = useTwoInstances({ RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS: '100000' });

  it('shares the five tries of a challenge between instances', async () => {
    const username = `tf_${randomBytes(4).toString('hex')}`;
    const signedUp = await instances.first.query(signUpMutation, { input: { username, email: `${username}@example.test`, password } });
    await enrolTwoFactor(instances.first, signedUp.signUp.token, password);
    const challenge = (await instances.second.query(signInMutation, { input: { login: username, password } })).signIn.twoFactorChallenge
      .token;
    const tries: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const app = attempt % 2 === 0 ? instances.first : instances.second;
      tries.push(codeOf(await app.request(completeMutation, { input: { challenge, code: String(100000 + attempt) } })));
    }
    expect(tries.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(tries.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('shares them under concurrent requests to both instances', async () => {
    const username = `tf_${randomBytes(4).toString('hex')}`;
    const signedUp = await instances.first.query(signUpMutation, { input: { username, email: `${username}@example.test`, password } });
    await enrolTwoFactor(instances.first, signedUp.signUp.token, password);
    const challenge = (await instances.first.query(signInMutation, { input: { login: username, password } })).signIn.twoFactorChallenge
      .token;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? instances.first : instances.second).request(completeMutation, {
          input: { challenge, code: String(400000 + index) },
        }),
      ),
    );
    const codes = responses.map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
  });
});
