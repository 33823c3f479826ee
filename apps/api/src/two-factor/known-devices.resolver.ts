import { Args, Directive, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { LeavesPublicContent, neverCached } from '../graphql/anonymous-response-cache.js';
import { CurrentDeviceArgs, ForgetKnownDeviceArgs } from './dto/two-factor.inputs.js';
import { KnownDevicesService } from './known-devices.service.js';
import { KnownDevice } from './models/two-factor.models.js';

@Resolver(() => KnownDevice)
export class KnownDevicesResolver {
  constructor(private readonly devices: KnownDevicesService) {}

  @Directive(neverCached)
  @Query(() => [KnownDevice], {
    description: 'The browsers and API clients your two-factor sign-in remembers (not the expired ones), the latest used first.',
  })
  knownDevices(@Ctx() context: RequestContext, @Args() args: CurrentDeviceArgs): Promise<KnownDevice[]> {
    return this.devices.list(context, args.deviceToken);
  }

  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      "Forgets one of your known devices: its next code check counts against the account's budget, shared by every unknown " +
      'device, again (a lost laptop keeps no tries of its own). Forgetting this browser also clears its cookie. It stays ' +
      'signed in: see signOutOtherSessions. NOT_FOUND when it is not one of yours.',
  })
  forgetKnownDevice(@Ctx() context: RequestContext, @Args() args: ForgetKnownDeviceArgs): Promise<boolean> {
    return this.devices.forget(context, args.id);
  }

  @LeavesPublicContent()
  @Mutation(() => Int, {
    description: 'Forgets every known device of your account but this one (its cookie, or the deviceToken given). How many.',
  })
  forgetOtherKnownDevices(@Ctx() context: RequestContext, @Args() args: CurrentDeviceArgs): Promise<number> {
    return this.devices.forgetOthers(context, args.deviceToken);
  }
}
