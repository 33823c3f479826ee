import { Args, Directive, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { AuthService } from './auth.service.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { ChangePasswordInput } from './dto/change-password.input.js';
import { CompleteTwoFactorSignInInput, ForgetKnownDeviceArgs, ForgetOtherKnownDevicesArgs } from '../two-factor/dto/two-factor.inputs.js';
import { SignOutSessionArgs } from './dto/sign-out-session.args.js';
import { Session } from './models/session.model.js';
import { AuthPayload } from './models/auth-payload.model.js';
import { SignInPayload } from './models/sign-in-payload.model.js';
import { LeavesPublicContent, neverCached } from '../graphql/anonymous-response-cache.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates a member account and signs it in (sets the session cookie). CONFLICT when the username or the email address is taken (one answer for both, so addresses are not revealed).',
  })
  signUp(@Ctx() context: RequestContext, @Args('input', { description: 'The new account.' }) input: SignUpInput): Promise<AuthPayload> {
    return this.auth.signUp(context, input);
  }

  @Public()
  @LeavesPublicContent()
  @Mutation(() => SignInPayload, {
    description:
      'Signs in by username or email (sets the session cookie). With two-factor sign-in on, returns only twoFactorChallenge ' +
      '(no session) for completeTwoFactorSignIn. Wrong credentials: UNAUTHENTICATED; too many failures for this login from this IP, ' +
      'or from this IP in a day: RATE_LIMITED.',
  })
  signIn(
    @Ctx() context: RequestContext,
    @Args('input', { description: 'Your login and password.' }) input: SignInInput,
  ): Promise<SignInPayload> {
    return this.auth.signIn(context, input);
  }

  @Public()
  @LeavesPublicContent()
  @Mutation(() => AuthPayload, {
    description:
      'The code step of a two-factor sign-in: the challenge from signIn plus a 6-digit code or a recovery code (sets the session cookie). ' +
      'Each try counts against the challenge (5), the IP, and the account (10 per 15 min) or, with the device token of an earlier ' +
      'two-factor sign-in of this client (cookie or deviceToken), that device (10 per 15 min); one code per request. ' +
      'Wrong code or expired challenge: UNAUTHENTICATED; too many tries: RATE_LIMITED.',
  })
  completeTwoFactorSignIn(
    @Ctx() context: RequestContext,
    @Args('input', { description: 'The challenge and a code.' }) input: CompleteTwoFactorSignInInput,
  ): Promise<AuthPayload> {
    return this.auth.completeTwoFactorSignIn(context, input);
  }

  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      'Sets a new password after checking the current one, and signs the account out of every other session (this one stays). ' +
      'Wrong current password: BAD_USER_INPUT on currentPassword; more than 10 tries in 15 minutes: RATE_LIMITED.',
  })
  changePassword(
    @Ctx() context: RequestContext,
    @Args('input', { description: 'The current password and the new one.' }) input: ChangePasswordInput,
  ): Promise<boolean> {
    return this.auth.changePassword(context, input);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, {
    description: 'Ends every other session of the account (other browsers, devices and API tokens); this one stays. How many ended.',
  })
  signOutOtherSessions(@Ctx() context: RequestContext): Promise<number> {
    return this.auth.signOutOtherSessions(context);
  }

  @Directive(neverCached)
  @Query(() => [Session], {
    description: 'Where you are signed in: your sessions (not the expired ones), the latest used first, this one marked.',
  })
  sessions(@Ctx() context: RequestContext): Promise<Session[]> {
    return this.auth.listSessions(context);
  }

  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      'Ends one of your sessions: its token stops working and its live subscriptions close. This one signs out as signOut does ' +
      '(the cookie is cleared). NOT_FOUND when it is not one of yours.',
  })
  signOutSession(@Ctx() context: RequestContext, @Args() args: SignOutSessionArgs): Promise<boolean> {
    return this.auth.signOutSession(context, args.id);
  }

  /** These two are here rather than beside knownDevices (two-factor): signing out reaches the sessions, which are auth's. */
  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      "Forgets one of your known devices: its next code check counts against the account's budget, shared by every unknown " +
      'device, again (a lost laptop keeps no tries of its own). Forgetting this browser also clears its device cookie. ' +
      'With signOut, the sessions that signed in through it end too (this one signs out as signOut does, if it did); ' +
      'without, they stay signed in. NOT_FOUND when it is not one of yours.',
  })
  forgetKnownDevice(@Ctx() context: RequestContext, @Args() args: ForgetKnownDeviceArgs): Promise<boolean> {
    return this.auth.forgetKnownDevice(context, args);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, {
    description:
      'Forgets every known device of your account but this one (its cookie, or the deviceToken given). With signOut, the ' +
      'sessions that signed in through them end too, but never this one; without, they stay signed in. How many.',
  })
  forgetOtherKnownDevices(@Ctx() context: RequestContext, @Args() args: ForgetOtherKnownDevicesArgs): Promise<number> {
    return this.auth.forgetOtherKnownDevices(context, args);
  }

  @Public()
  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      'Ends the session this request is signed in with (its bearer token, else its cookie) and clears the session cookie, ' +
      'unless the cookie is of another session: a bearer token sent beside a browser cookie signs out that token alone.',
  })
  signOut(@Ctx() context: RequestContext): Promise<boolean> {
    return this.auth.signOut(context);
  }
}
