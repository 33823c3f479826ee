import { Args, Directive, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { Viewer } from '../users/models/viewer.model.js';
import { ConfirmTwoFactorArgs, DisableTwoFactorInput, RegenerateRecoveryCodesArgs } from './dto/two-factor.inputs.js';
import { RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from './models/two-factor.models.js';
import { TwoFactorService } from './two-factor.service.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';
import { LeavesPublicContent } from '../graphql/anonymous-response-cache.js';

@Resolver()
export class TwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Directive(neverCached)
  @Query(() => TwoFactorStatus, { description: "The signed-in account's two-factor sign-in." })
  twoFactorStatus(@Ctx() context: RequestContext): Promise<TwoFactorStatus> {
    return this.twoFactor.status(context);
  }

  @LeavesPublicContent()
  @Mutation(() => TwoFactorEnrolment, {
    description: 'Starts turning on two-factor sign-in: a new secret as a QR code and a setup key. CONFLICT when it is already on.',
  })
  beginTwoFactorEnrolment(@Ctx() context: RequestContext): Promise<TwoFactorEnrolment> {
    return this.twoFactor.beginEnrolment(context);
  }

  @LeavesPublicContent()
  @Mutation(() => RecoveryCodes, {
    description:
      'Turns two-factor sign-in on with the first code from the app and the password; returns the ten recovery codes, shown this once.',
  })
  confirmTwoFactorEnrolment(@Ctx() context: RequestContext, @Args() args: ConfirmTwoFactorArgs): Promise<RecoveryCodes> {
    return this.twoFactor.confirmEnrolment(context, args.code, args.password);
  }

  @LeavesPublicContent()
  @Mutation(() => RecoveryCodes, {
    description:
      'Ten new recovery codes; the previous ones stop working. Needs a current code or an unused recovery code (a session alone is not enough).',
  })
  regenerateRecoveryCodes(@Ctx() context: RequestContext, @Args() args: RegenerateRecoveryCodesArgs): Promise<RecoveryCodes> {
    return this.twoFactor.regenerateRecoveryCodes(context, args.code);
  }

  @LeavesPublicContent()
  @Mutation(() => TwoFactorStatus, {
    description: 'Turns two-factor sign-in off: needs a current code, or the password and a recovery code.',
  })
  disableTwoFactor(
    @Ctx() context: RequestContext,
    @Args('input', { description: 'Proof that you are the account holder.' }) input: DisableTwoFactorInput,
  ): Promise<TwoFactorStatus> {
    return this.twoFactor.disable(context, input);
  }
}

@Resolver(() => Viewer)
export class ViewerTwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @ResolveField(() => Boolean, { description: 'Two-factor sign-in is on for your account (staff tools need it).' })
  twoFactorEnabled(@Parent() viewer: Viewer): Promise<boolean> {
    return this.twoFactor.isEnabled(Number(viewer.id));
  }
}
