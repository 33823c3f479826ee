import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { Role } from '../users/role.js';
import { UsersService } from '../users/users.service.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { CompleteTwoFactorSignInInput } from '../two-factor/dto/two-factor.inputs.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import { AuthPayload } from './models/auth-payload.model.js';
import { SignInPayload } from './models/sign-in-payload.model.js';
import { SessionsService } from './sessions.service.js';

const signInWindowSeconds = 15 * 60;
const signUpWindowSeconds = 60 * 60;
const wrongCredentials = 'Wrong username or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordHasher,
    private readonly rateLimiter: RateLimiterService,
    private readonly environment: Environment,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** Creates a member account and signs it in. Limited per IP. */
  async signUp(context: RequestContext, input: SignUpInput): Promise<AuthPayload> {
    await this.rateLimiter.consume(`sign-up:ip:${context.ip}`, this.environment.RATE_LIMIT_SIGN_UPS_PER_HOUR, signUpWindowSeconds);
    const user = await this.users.createAccount({ ...input, role: Role.MEMBER });
    const session = await this.sessions.start(context, {
      id: Number(user.id),
      username: user.username,
      role: user.role,
      twoFactorEnabled: false,
    });
    return { ...session, user };
  }

  /**
   * One answer for an unknown login and a wrong password, after the same argon2 work.
   * Failures are counted per IP and per account; a success clears the account's count.
   */
  async signIn(context: RequestContext, input: SignInInput): Promise<SignInPayload> {
    const limit = this.environment.RATE_LIMIT_SIGN_IN_ATTEMPTS;
    const account = await this.users.credentialsFor(input.login);
    const ipKey = `sign-in:ip:${context.ip}`;
    const accountKey = `sign-in:account:${account ? account.id : input.login.trim().toLowerCase()}`;
    await this.rateLimiter.assertBelow(ipKey, limit);
    await this.rateLimiter.assertBelow(accountKey, limit);

    const passwordMatches = await this.passwords.verify(account?.passwordHash ?? null, input.password);
    if (!account || !passwordMatches || account.role === Role.BOT) {
      await this.countFailure(ipKey, limit);
      await this.countFailure(accountKey, limit);
      throw AppError.unauthenticated(wrongCredentials);
    }
    await this.rateLimiter.reset(accountKey);
    if (await this.twoFactor.isEnabled(account.id)) {
      return { token: null, expiresAt: null, user: null, twoFactorChallenge: await this.twoFactor.startChallenge(account.id) };
    }
    const session = await this.sessions.start(context, {
      id: account.id,
      username: account.username,
      role: account.role,
      twoFactorEnabled: false,
    });
    const user = await this.users.viewer(context);
    if (!user) throw AppError.unauthenticated(wrongCredentials);
    return { ...session, user, twoFactorChallenge: null };
  }

  /** The code step of a two-factor sign-in: a session once TwoFactorService accepts the code for the challenge. */
  async completeTwoFactorSignIn(context: RequestContext, input: CompleteTwoFactorSignInInput): Promise<AuthPayload> {
    const userId = await this.twoFactor.completeChallenge(context, input.challenge, input.code);
    const account = await this.users.byId(context, userId);
    if (!account) throw AppError.unauthenticated(wrongCredentials);
    const session = await this.sessions.start(context, {
      id: userId,
      username: account.username,
      role: account.role,
      twoFactorEnabled: true,
    });
    const user = await this.users.viewer(context);
    if (!user) throw AppError.unauthenticated(wrongCredentials);
    return { ...session, user };
  }

  /** Ends the session the request came with; harmless when there is none. */
  async signOut(context: RequestContext): Promise<boolean> {
    await this.sessions.end(context);
    return true;
  }

  private async countFailure(key: string, limit: number): Promise<void> {
    try {
      await this.rateLimiter.consume(key, limit, signInWindowSeconds);
    } catch (error) {
      // Past the limit already (concurrent attempts): this attempt still answers "wrong credentials".
      if (!(error instanceof AppError && error.code === ErrorCode.RateLimited)) throw error;
    }
  }
}
