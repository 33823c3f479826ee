import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, Not, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { isStaffRole } from '../common/role.js';
import { isPostgres } from '../common/sql.js';
import { UsersService } from '../users/users.service.js';
import { DisableTwoFactorInput } from './dto/two-factor.inputs.js';
import { RecoveryCodes, TwoFactorChallenge, TwoFactorEnrolment, TwoFactorStatus } from './models/two-factor.models.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { SignInChallengeEntity } from './sign-in-challenge.entity.js';
import { appCodeDigits, enrolmentQrCodeSvg, formatSetupKey, matchingTimeStep, newTotpSecret } from './totp.js';
import { TwoFactorCredentialEntity } from './two-factor-credential.entity.js';
import { KnownDevicesService, RecognisedDevice } from './known-devices.service.js';
import { normalizeRecoveryCode, TwoFactorCrypto } from './two-factor-crypto.js';

const challengeSeconds = 5 * 60;
const attemptsPerChallenge = 5;
/** Code checks per account from devices it does not know (every guesser's), and per known device on its own. */
const attemptsPerAccount = 10;
const attemptsPerKnownDevice = 10;
const attemptWindowSeconds = 15 * 60;
const recoveryCodeCount = 10;
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

const wrongCode = 'That code is not right. Check the time on your phone, or use a recovery code.';
// Before the first code there are no recovery codes to fall back on.
const wrongFirstCode = 'That code is not right. Check the time on your phone and enter the code the app shows now.';
// Turning off takes a recovery code only with the password, in fields of their own.
const wrongCodeToTurnOff = 'That code is not right. Check the time on your phone, or use your password and a recovery code instead.';
// A code matching a time step already used (e.g. entered twice) was right once: saying so tells a guesser nothing.
const usedCode = 'That code was already used. Wait for your app to show the next one, or use a recovery code.';
const usedCodeToTurnOff =
  'That code was already used. Wait for your app to show the next one, or use your password and a recovery code instead.';
const usedRecoveryCode = 'That recovery code was already used: each one works once. Use another one, or a code from your app.';
const expiredChallenge = 'This sign-in has expired. Enter your password again.';
const wrongPassword = 'That is not the password of this account';

/** How a code check ends: the code is spent, or refused as wrong, or as an app code or recovery code already used. */
type CodeCheck = 'accepted' | 'wrong' | 'usedAppCode' | 'usedRecoveryCode';

const refusedCode: Record<Exclude<CodeCheck, 'accepted'>, string> = {
  wrong: wrongCode,
  usedAppCode: usedCode,
  usedRecoveryCode: usedRecoveryCode,
};

/** Code checks per request (HTTP) or per operation (socket): aliases in one document get one guess between them. */
const checkedRequests = new WeakSet<object>();

/**
 * What an accepted code step yields: the account to start a session for, and the client's known device if it presented
 * one. Remembering the client (KnownDevicesService.remember) is the caller's, in the transaction that starts the session.
 */
export interface CompletedChallenge {
  userId: number;
  device: RecognisedDevice | null;
  /** After a recovery code: how many of the account's are still unused; null after a code from the app. */
  recoveryCodesLeft: number | null;
}

/**
 * Two-factor sign-in for forum accounts: TOTP enrolment with a QR code, the code step of signing in, recovery
 * codes, turning it off. Every code check first counts an attempt (per challenge, per IP, and per account or per
 * known device, in the shared rate limiter), so neither aliases nor concurrency nor several instances multiply the
 * guesses; a device that once completed the code step keeps a budget of its own (see KnownDevicesService).
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(TwoFactorCredentialEntity) private readonly credentials: Repository<TwoFactorCredentialEntity>,
    @InjectRepository(RecoveryCodeEntity) private readonly recoveryCodes: Repository<RecoveryCodeEntity>,
    @InjectRepository(SignInChallengeEntity) private readonly challenges: Repository<SignInChallengeEntity>,
    private readonly crypto: TwoFactorCrypto,
    private readonly rateLimiter: RateLimiterService,
    private readonly users: UsersService,
    private readonly environment: Environment,
    private readonly events: ForumEvents,
    private readonly knownDevices: KnownDevicesService,
  ) {}

  async isEnabled(userId: number): Promise<boolean> {
    return this.credentials.exists({ where: { userId, enabledAt: Not(IsNull()) } });
  }

  async status(context: RequestContext): Promise<TwoFactorStatus> {
    const user = context.requireUser();
    const enabled = await this.isEnabled(user.id);
    const recoveryCodesLeft = enabled ? await this.unusedRecoveryCodes(user.id) : 0;
    return { enabled, recoveryCodesLeft, requiredForStaffTools: isStaffRole(user.role) };
  }

  /** A new secret (replacing an unconfirmed one); CONFLICT when two-factor sign-in is already on. */
  async beginEnrolment(context: RequestContext): Promise<TwoFactorEnrolment> {
    const user = context.requireUser();
    const repository = this.credentials;
    const existing = await repository.findOneBy({ userId: user.id });
    if (existing?.enabledAt) throw AppError.conflict(ErrorReason.TWO_FACTOR_ALREADY_ON, 'twoFactor', 'Two-factor sign-in is already on');
    const secret = newTotpSecret();
    const row = {
      userId: user.id,
      secretCiphertext: this.crypto.encryptSecret(secret, user.id),
      enabledAt: null,
      lastUsedStep: null,
      createdAt: new Date(),
    };
    // Two first requests at once both find no row: the one that loses the insert replaces the winner's secret.
    const inserted = existing
      ? false
      : await repository.insert(row).then(
          () => true,
          (error: unknown) => {
            if (isUniqueViolation(error)) return false;
            throw error;
          },
        );
    if (!inserted) {
      const replaced = await repository.update({ userId: user.id, enabledAt: IsNull() }, row);
      if (!replaced.affected) throw AppError.conflict(ErrorReason.TWO_FACTOR_ALREADY_ON, 'twoFactor', 'Two-factor sign-in is already on');
    }
    return { qrCodeSvg: await enrolmentQrCodeSvg(secret, user.username), setupKey: formatSetupKey(secret) };
  }

  /**
   * The first valid code, with the password, turns two-factor sign-in on and returns the recovery codes, shown this
   * once. The password because a stolen session alone must not enrol the thief's app: the holder could no longer sign in.
   */
  async confirmEnrolment(context: RequestContext, code: string, password: string): Promise<RecoveryCodes> {
    const user = context.requireUser();
    const credential = await this.credentials.findOneBy({ userId: user.id });
    if (!credential) throw AppError.badInput('code', 'Start turning on two-factor sign-in first');
    if (credential.enabledAt) throw AppError.conflict(ErrorReason.TWO_FACTOR_ALREADY_ON, 'twoFactor', 'Two-factor sign-in is already on');
    const device = await this.countAttempt(context, user.id);
    if (!(await this.users.passwordMatches(user.username, password))) throw AppError.badInput('password', wrongPassword);
    const step = await matchingTimeStep(this.secretOf(credential), code, null);
    if (typeof step !== 'number') throw AppError.badInput('code', wrongFirstCode);
    const codes = await this.credentials.manager.transaction(async (manager) => {
      const enabled = await manager.update(
        TwoFactorCredentialEntity,
        { userId: user.id, enabledAt: IsNull() },
        { enabledAt: new Date(), lastUsedStep: step },
      );
      if (!enabled.affected) throw AppError.conflict(ErrorReason.TWO_FACTOR_ALREADY_ON, 'twoFactor', 'Two-factor sign-in is already on');
      return { codes: await this.replaceRecoveryCodes(manager, user.id) };
    });
    // The client that proved the first code is the holder's: its later code steps have their own budget.
    const { token: deviceToken } = await this.knownDevices.remember(context, user.id, device);
    await this.events.emit('twoFactorChanged', { userId: user.id, enabled: true, keptSessionHashes: context.ownSession() });
    return { ...codes, deviceToken };
  }

  /**
   * New recovery codes for an account with two-factor sign-in on, against a current code or an unused recovery code:
   * a stolen session alone must not mint codes that would then turn two-factor sign-in off. The old codes stop working.
   */
  async regenerateRecoveryCodes(context: RequestContext, code: string): Promise<RecoveryCodes> {
    const user = context.requireUser();
    if (!(await this.isEnabled(user.id))) throw AppError.badInput('twoFactor', 'Two-factor sign-in is off');
    await this.countAttempt(context, user.id);
    const check = await this.acceptCode(user.id, code);
    if (check !== 'accepted') throw AppError.badInput('code', refusedCode[check]);
    return { codes: await this.credentials.manager.transaction((manager) => this.replaceRecoveryCodes(manager, user.id)) };
  }

  /** Off with a current code, or with the password and a recovery code; the account's known devices are forgotten. */
  async disable(context: RequestContext, input: DisableTwoFactorInput): Promise<TwoFactorStatus> {
    const user = context.requireUser();
    if (!(await this.isEnabled(user.id))) throw AppError.badInput('twoFactor', 'Two-factor sign-in is already off');
    if (!input.code && !(input.password && input.recoveryCode)) {
      throw AppError.badInput('code', 'Enter a code from your authenticator app, or your password and a recovery code');
    }
    await this.countAttempt(context, user.id);
    const wrongRecoveryCode = () => AppError.badInput('recoveryCode', 'That password and recovery code do not match this account');
    // The recovery code is only looked at once the password is right.
    if (!input.code && !(await this.users.passwordMatches(user.username, input.password!))) throw wrongRecoveryCode();
    const step = input.code ? await this.totpStep(user.id, input.code) : null;
    if (step === 'wrong') throw AppError.badInput('code', wrongCodeToTurnOff);
    if (step === 'usedAppCode') throw AppError.badInput('code', usedCodeToTurnOff);
    await this.credentials.manager.transaction(async (manager) => {
      // The code is spent in the transaction that turns two-factor sign-in off: if that fails, the code still works.
      if (step !== null) {
        if (!(await this.claimStep(user.id, step, manager))) throw AppError.badInput('code', usedCodeToTurnOff);
      } else {
        const check = await this.acceptRecoveryCode(user.id, input.recoveryCode!, manager);
        if (check === 'wrong') throw wrongRecoveryCode();
        if (check === 'usedRecoveryCode') throw AppError.badInput('recoveryCode', usedRecoveryCode);
      }
      await manager.delete(RecoveryCodeEntity, { userId: user.id });
      await manager.delete(TwoFactorCredentialEntity, { userId: user.id });
      // They were remembered for the code step, which is gone: turning it on again starts a new list.
      await this.knownDevices.forgetAllOf(user.id, manager);
    });
    this.knownDevices.clearCookie(context);
    await this.events.emit('twoFactorChanged', { userId: user.id, enabled: false, keptSessionHashes: context.ownSession() });
    return this.status(context);
  }

  /** After a right password on an account with two-factor sign-in: a single-use token for the code step (no session). */
  async startChallenge(userId: number): Promise<TwoFactorChallenge> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + challengeSeconds * 1000);
    const repository = this.challenges;
    await repository.delete({ expiresAt: LessThan(now) });
    await repository.insert({ tokenHash: hashToken(token), userId, expiresAt, completedAt: null, createdAt: now });
    return { token, expiresAt };
  }

  /**
   * The code step: counts the attempt (per IP, per challenge, per account) before looking at the code, accepts a
   * TOTP code (never the same time step twice) or an unused recovery code, and completes the challenge once.
   * Returns the account to start a session for and the known device presented, if any.
   */
  async completeChallenge(context: RequestContext, token: string, code: string, deviceToken?: string | null): Promise<CompletedChallenge> {
    this.oneCheckPerRequest(context);
    await this.rateLimiter.consume(`two-factor:ip:${context.ip}`, this.environment.RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS, attemptWindowSeconds);
    const challenge = await this.challenges.findOneBy({ tokenHash: hashToken(token) });
    if (!challenge || challenge.completedAt || challenge.expiresAt.getTime() <= Date.now())
      throw AppError.unauthenticated(ErrorReason.TWO_FACTOR_CHALLENGE_EXPIRED, expiredChallenge);
    await this.rateLimiter.consume(`two-factor:challenge:${challenge.id}`, attemptsPerChallenge, challengeSeconds);
    const device = await this.knownDevices.recognise(context, challenge.userId, deviceToken);
    await this.consumeCodeBudget(challenge.userId, device);

    const check = await this.acceptCode(challenge.userId, code);
    if (check !== 'accepted') {
      // The holder is told someone has their password (a known device's slip is the holder's own).
      if (!device) await this.events.emit('signInCodeRejected', { userId: challenge.userId });
      throw AppError.unauthenticated(ErrorReason.TWO_FACTOR_CODE_WRONG, refusedCode[check]);
    }
    const completed = await this.challenges.update({ id: challenge.id, completedAt: IsNull() }, { completedAt: new Date() });
    if (!completed.affected) throw AppError.unauthenticated(ErrorReason.TWO_FACTOR_CHALLENGE_EXPIRED, expiredChallenge);
    const recoveryCodesLeft = isAppCode(code) ? null : await this.unusedRecoveryCodes(challenge.userId);
    return { userId: challenge.userId, device, recoveryCodesLeft };
  }

  /**
   * The first step of the transaction that starts a session for an accepted code (AuthService.completeTwoFactorSignIn):
   * the account's credential, locked, so that turning two-factor sign-in off (disable) comes wholly before, and the sign-in
   * is refused as an expired challenge, or after, and forgets the device the sign-in remembers.
   */
  async lockEnabled(userId: number, manager: EntityManager): Promise<void> {
    const lock = isPostgres(manager.connection) ? { mode: 'pessimistic_write' as const } : undefined;
    const where = { userId, enabledAt: Not(IsNull()) };
    if (!(await manager.findOne(TwoFactorCredentialEntity, { select: { userId: true }, where, lock })))
      throw AppError.unauthenticated(ErrorReason.TWO_FACTOR_CHALLENGE_EXPIRED, expiredChallenge);
  }

  private oneCheckPerRequest(context: RequestContext): void {
    if (checkedRequests.has(context.request)) throw AppError.badInput('code', 'Send one code per request');
    checkedRequests.add(context.request);
  }

  /** A signed-in code check (enrolment, new recovery codes, turning off); returns the device presented, if known. */
  private async countAttempt(context: RequestContext, userId: number): Promise<RecognisedDevice | null> {
    this.oneCheckPerRequest(context);
    const device = await this.knownDevices.recognise(context, userId);
    await this.consumeCodeBudget(userId, device);
    return device;
  }

  /** A known device's budget, or else the account's shared by every unknown device (the one that stops code guessing). */
  private async consumeCodeBudget(userId: number, device: RecognisedDevice | null): Promise<void> {
    if (device) await this.rateLimiter.consume(`two-factor:device:${device.id}`, attemptsPerKnownDevice, attemptWindowSeconds);
    else await this.rateLimiter.consume(`two-factor:account:${userId}`, attemptsPerAccount, attemptWindowSeconds);
  }

  private secretOf(credential: TwoFactorCredentialEntity): string {
    return this.crypto.decryptSecret(credential.secretCiphertext, credential.userId);
  }

  /** A 6-digit code from the app, or else an unused recovery code (spent). */
  private async acceptCode(userId: number, code: string): Promise<CodeCheck> {
    return isAppCode(code) ? this.acceptTotp(userId, code) : this.acceptRecoveryCode(userId, code);
  }

  private unusedRecoveryCodes(userId: number): Promise<number> {
    return this.recoveryCodes.countBy({ userId, usedAt: IsNull() });
  }

  /** A valid code for a time step later than the last one used, claimed. */
  private async acceptTotp(userId: number, code: string): Promise<CodeCheck> {
    const step = await this.totpStep(userId, code);
    if (typeof step !== 'number') return step;
    // Another request claimed the step since it was read: the same code, entered twice at once.
    return (await this.claimStep(userId, step)) ? 'accepted' : 'usedAppCode';
  }

  /** The time step of a valid code later than the last one used (claimStep spends it), or why the code is refused. */
  private async totpStep(userId: number, code: string): Promise<number | 'wrong' | 'usedAppCode'> {
    const credential = await this.credentials.findOneBy({ userId, enabledAt: Not(IsNull()) });
    const step = credential ? await matchingTimeStep(this.secretOf(credential), code, credential.lastUsedStep) : null;
    return step === null ? 'wrong' : step === 'used' ? 'usedAppCode' : step;
  }

  /**
   * Spends a time step, in `manager`'s transaction if it has one: one conditional update, so of the requests with one code,
   * one alone claims it. In a transaction, the row stays locked until it ends (SQLite runs one at a time): another claim
   * of the step waits, and fails if that transaction committed.
   */
  private async claimStep(userId: number, step: number, manager: EntityManager = this.credentials.manager): Promise<boolean> {
    const claimed = await manager
      .createQueryBuilder()
      .update(TwoFactorCredentialEntity)
      .set({ lastUsedStep: step })
      .where('user_id = :userId AND (last_used_step IS NULL OR last_used_step < :step)', { userId, step })
      .execute();
    return Boolean(claimed.affected);
  }

  /** Spends an unused recovery code, in `manager`'s transaction if it has one. */
  private async acceptRecoveryCode(
    userId: number,
    code: string,
    manager: EntityManager = this.recoveryCodes.manager,
  ): Promise<'accepted' | 'wrong' | 'usedRecoveryCode'> {
    if (normalizeRecoveryCode(code).length !== 12) return 'wrong';
    const codeHash = this.crypto.hashRecoveryCode(code);
    const spent = await manager.update(RecoveryCodeEntity, { userId, codeHash, usedAt: IsNull() }, { usedAt: new Date() });
    if (spent.affected) return 'accepted';
    return (await manager.exists(RecoveryCodeEntity, { where: { userId, codeHash } })) ? 'usedRecoveryCode' : 'wrong';
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: number): Promise<string[]> {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    const now = new Date();
    await manager.delete(RecoveryCodeEntity, { userId });
    await manager.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ userId, codeHash: this.crypto.hashRecoveryCode(code), usedAt: null, createdAt: now })),
    );
    return codes;
  }
}

/** A 6-digit code from the app (spaces allowed); anything else is taken for a recovery code. */
function isAppCode(code: string): boolean {
  return /^\d{6}$/.test(appCodeDigits(code));
}

function newRecoveryCode(): string {
  const characters = Array.from({ length: 12 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join('');
  return characters.match(/.{4}/g)!.join('-');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
