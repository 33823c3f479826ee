import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { RateLimit, RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { Role } from '../common/role.js';
import { UsersService } from '../users/users.service.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { ChangePasswordInput } from './dto/change-password.input.js';
import { CompleteTwoFactorSignInInput, ForgetKnownDeviceArgs, ForgetOtherKnownDevicesArgs } from '../two-factor/dto/two-factor.inputs.js';
import { KnownDevicesService } from '../two-factor/known-devices.service.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import { AuthPayload } from './models/auth-payload.model.js';
import { Session } from './models/session.model.js';
import { SignInPayload } from './models/sign-in-payload.model.js';
import { SessionsService } from './sessions.service.js';
import { SessionEntity } from './session.entity.js';

const dayInSeconds = 24 * 60 * 60;
/** Tries at the current password when changing it, per account: a stolen session cannot guess it. */
const passwordChangesPerAccount = 10;
const passwordChangeWindowSeconds = 15 * 60;
const signUpWindowSeconds = 60 * 60;

/**
 * Rethrows a failure, first giving back what the request counted when it was refused before any password work (too many
 * at once, PASSWORD_CHECKS_BUSY): that refusal was not the client's doing.
 */
function refundIfBusy(refund: () => Promise<unknown>): (error: unknown) => Promise<never> {
  return async (error) => {
    if (error instanceof AppError && error.reason === ErrorReason.PASSWORD_CHECKS_BUSY) await refund();
    throw error;
  };
}

const wrongCredentials = 'Wrong username or password';

@Injectable()
export class AuthService {
  private readonly signInsPerLoginAndIp: RateLimit;
  private readonly signInsPerIp: RateLimit;
  private readonly signInsPerLogin: RateLimit;
  private readonly signUpsPerIp: RateLimit;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordHasher,
    private readonly rateLimiter: RateLimiterService,
    private readonly environment: Environment,
    private readonly twoFactor: TwoFactorService,
    private readonly knownDevices: KnownDevicesService,
    @InjectRepository(SessionEntity) private readonly sessionRows: Repository<SessionEntity>,
  ) {
    this.signInsPerLoginAndIp = rateLimiter.rule({
      points: environment.RATE_LIMIT_SIGN_IN_ATTEMPTS,
      windowSeconds: dayInSeconds,
      blockSeconds: environment.RATE_LIMIT_SIGN_IN_BLOCK_MINUTES * 60,
    });
    this.signInsPerIp = rateLimiter.rule({
      points: environment.RATE_LIMIT_SIGN_IN_IP_FAILURES_PER_DAY,
      windowSeconds: dayInSeconds,
      blockSeconds: dayInSeconds,
    });
    this.signInsPerLogin = rateLimiter.rule({ points: environment.RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY, windowSeconds: dayInSeconds });
    this.signUpsPerIp = rateLimiter.rule({ points: environment.RATE_LIMIT_SIGN_UPS_PER_HOUR, windowSeconds: signUpWindowSeconds });
  }

  /** Creates a member account and signs it in. Limited per IP. */
  async signUp(context: RequestContext, input: SignUpInput): Promise<AuthPayload> {
    const ipKey = `sign-up:ip:${context.ip}`;
    await this.signUpsPerIp.consume(ipKey);
    const user = await this.users.createAccount({ ...input, role: Role.MEMBER }).catch(refundIfBusy(() => this.signUpsPerIp.refund(ipKey)));
    const { token, expiresAt, endedHashes } = await this.sessions.start(context, {
      id: Number(user.id),
      username: user.username,
      role: user.role,
      twoFactorEnabled: false,
    });
    await this.sessions.announceEnded(endedHashes);
    return { token, expiresAt, user, deviceToken: null, recoveryCodesLeft: null };
  }

  /**
   * Login protection after rate-limiter-flexible's pattern. Each attempt is counted before the password
   * is checked, atomically, so concurrent guesses cannot slip past the limit: per (login, IP) a few
   * consecutive failures, then a pause; per IP a daily budget; per login, from every IP together, a daily
   * budget that stops guessing spread over many addresses (the owner signing in from elsewhere is locked out
   * only past that one). Logins are counted as typed, known or not, so throttling a username says nothing
   * about whether it exists or which e-mail address belongs to it. One answer for an unknown login and a
   * wrong password, after the same argon2 work.
   */
  async signIn(context: RequestContext, input: SignInInput): Promise<SignInPayload> {
    const login = input.login.trim().toLowerCase();
    const ipKey = `sign-in:ip:${context.ip}`;
    const loginAndIpKey = `sign-in:login:${login}:ip:${context.ip}`;
    const loginKey = `sign-in:login:${login}`;
    await this.signInsPerIp.consume(ipKey);
    await this.signInsPerLoginAndIp.consume(loginAndIpKey);
    await this.signInsPerLogin.consume(loginKey);

    const account = await this.users.credentialsFor(input.login);
    const passwordMatches = await this.passwords
      .verify(account?.passwordHash ?? null, input.password)
      .catch(
        refundIfBusy(() =>
          Promise.all([
            this.signInsPerLoginAndIp.refund(loginAndIpKey),
            this.signInsPerIp.refund(ipKey),
            this.signInsPerLogin.refund(loginKey),
          ]),
        ),
      );
    if (!account || !passwordMatches || account.role === Role.BOT)
      throw AppError.unauthenticated(ErrorReason.WRONG_CREDENTIALS, wrongCredentials);
    // Only failures count: a success clears the login's run from this IP and gives the IP and the login their attempt back.
    await Promise.all([
      this.signInsPerLoginAndIp.reset(loginAndIpKey),
      this.signInsPerIp.refund(ipKey),
      this.signInsPerLogin.refund(loginKey),
    ]);
    if (await this.twoFactor.isEnabled(account.id)) {
      return { token: null, expiresAt: null, user: null, twoFactorChallenge: await this.twoFactor.startChallenge(account.id) };
    }
    const { token, expiresAt, endedHashes } = await this.sessions.start(context, {
      id: account.id,
      username: account.username,
      role: account.role,
      twoFactorEnabled: false,
    });
    await this.sessions.announceEnded(endedHashes);
    const user = await this.users.viewer(context);
    if (!user) throw AppError.unauthenticated(ErrorReason.WRONG_CREDENTIALS, wrongCredentials);
    return { token, expiresAt, user, twoFactorChallenge: null };
  }

  /**
   * The code step of a two-factor sign-in: a session once TwoFactorService accepts the code for the challenge. The device
   * is remembered and the session linked to it in one transaction, so forgetting the device (forgetKnownDevice) comes
   * wholly before or after: a device forgotten since the code step is remembered anew. So does turning two-factor sign-in
   * off (TwoFactorService.lockEnabled): once it is off, the sign-in is refused. The sessions its start ends past the cap
   * are announced once it commits.
   */
  async completeTwoFactorSignIn(context: RequestContext, input: CompleteTwoFactorSignInInput): Promise<AuthPayload> {
    const {
      userId,
      device: presented,
      recoveryCodesLeft,
    } = await this.twoFactor.completeChallenge(context, input.challenge, input.code, input.deviceToken);
    const account = await this.users.byId(context, userId);
    if (!account) throw AppError.unauthenticated(ErrorReason.WRONG_CREDENTIALS, wrongCredentials);
    const { session, device } = await this.sessionRows.manager.transaction(async (manager) => {
      await this.twoFactor.lockEnabled(userId, manager);
      const device = await this.knownDevices.remember(context, userId, presented, manager);
      const user = { id: userId, username: account.username, role: account.role, twoFactorEnabled: true };
      return { session: await this.sessions.start(context, user, device.id, manager), device };
    });
    await this.sessions.announceEnded(session.endedHashes);
    const user = await this.users.viewer(context);
    if (!user) throw AppError.unauthenticated(ErrorReason.WRONG_CREDENTIALS, wrongCredentials);
    return { token: session.token, expiresAt: session.expiresAt, user, deviceToken: device.token, recoveryCodesLeft };
  }

  /**
   * A new password, against the current one. The session it is changed from stays; every other session of the account
   * ends, so whoever knew the old password is signed out. Each try counts against the account's budget before the
   * password is checked.
   */
  async changePassword(context: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const user = context.requireUser();
    await this.rateLimiter.consume(`password-change:account:${user.id}`, passwordChangesPerAccount, passwordChangeWindowSeconds);
    if (!(await this.users.passwordMatches(user.username, input.currentPassword)))
      throw AppError.badInput('currentPassword', 'That is not the password of this account');
    if (input.newPassword === input.currentPassword)
      throw AppError.badInput('newPassword', 'The new password must differ from the current one');
    await this.users.replacePassword(user.id, input.newPassword, context.ownSession());
    return true;
  }

  /** Ends every session of the account but the one the request came with; how many ended. */
  signOutOtherSessions(context: RequestContext): Promise<number> {
    return this.sessions.revokeAllOf(context.requireUser().id, context.ownSession());
  }

  /** Where the account is signed in. */
  listSessions(context: RequestContext): Promise<Session[]> {
    return this.sessions.list(context);
  }

  /** Ends one of the account's sessions (this one as signOut). */
  async signOutSession(context: RequestContext, id: string): Promise<boolean> {
    await this.sessions.endOne(context, id);
    return true;
  }

  /**
   * Forgets one of the account's known devices; with `signOut`, the sessions that signed in through it end first (their
   * link goes with the device), in the same transaction, so no sign-in through it keeps a session in between (see
   * completeTwoFactorSignIn); this one last, as signOut: forgetting needs it. Another account's device is NOT_FOUND first.
   */
  async forgetKnownDevice(context: RequestContext, args: ForgetKnownDeviceArgs): Promise<boolean> {
    const { forgotten, signedOut } = await this.sessionRows.manager.transaction(async (manager) => {
      const id = await this.knownDevices.lockOne(context, args.id, manager);
      const signedOut = args.signOut ? await this.sessions.endOthersSignedInThrough(context, [id], manager) : null;
      return { forgotten: await this.knownDevices.forget(context, [id], manager), signedOut };
    });
    if (forgotten.ownCookie) this.knownDevices.clearCookie(context);
    if (!signedOut) return true;
    await this.sessions.announceEnded(signedOut.endedHashes);
    if (signedOut.ownSession) await this.sessions.end(context);
    return true;
  }

  /**
   * Forgets every known device of the account but the request's; with `signOut`, the sessions that signed in through
   * them end first, as with forgetKnownDevice, but never the request's own, even when it signed in through one of them
   * (an API client that names no device forgets its own).
   */
  async forgetOtherKnownDevices(context: RequestContext, args: ForgetOtherKnownDevicesArgs): Promise<number> {
    const { forgotten, endedHashes } = await this.sessionRows.manager.transaction(async (manager) => {
      const ids = await this.knownDevices.lockOthers(context, args.deviceToken, manager);
      const signedOut = args.signOut ? await this.sessions.endOthersSignedInThrough(context, ids, manager) : null;
      return { forgotten: await this.knownDevices.forget(context, ids, manager), endedHashes: signedOut?.endedHashes ?? [] };
    });
    if (forgotten.ownCookie) this.knownDevices.clearCookie(context);
    await this.sessions.announceEnded(endedHashes);
    return forgotten.count;
  }

  /** Ends the session the request came with; harmless when there is none. */
  async signOut(context: RequestContext): Promise<boolean> {
    await this.sessions.end(context);
    return true;
  }
}
