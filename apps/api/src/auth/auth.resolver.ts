import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { AuthService } from './auth.service.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { AuthPayload } from './models/auth-payload.model.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates a member account and signs it in (sets the session cookie). CONFLICT when the username or the email address is taken (one answer for both, so addresses are not revealed).',
  })
  signUp(@Ctx() context: RequestContext, @Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.auth.signUp(context, input);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in by username or email (sets the session cookie). Wrong credentials: UNAUTHENTICATED; too many failures for this login from this IP, or from this IP in a day: RATE_LIMITED.',
  })
  signIn(@Ctx() context: RequestContext, @Args('input') input: SignInInput): Promise<AuthPayload> {
    return this.auth.signIn(context, input);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Revokes the current session (bearer token or cookie) and clears the cookie.' })
  signOut(@Ctx() context: RequestContext): Promise<boolean> {
    return this.auth.signOut(context);
  }
}
