import { Args, Directive, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { LeavesPublicContent, neverCached } from '../graphql/anonymous-response-cache.js';
import { CurrentDeviceArgs } from './dto/two-factor.inputs.js';
import { KnownDevicesService } from './known-devices.service.js';
import { KnownDevice } from './models/two-factor.models.js';

/** Forgetting one device is AuthResolver.forgetKnownDevice's: it may sign out sessions, which are auth's. */
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
  @Mutation(() => Int, {
    description: 'Forgets every known device of your account but this one (its cookie, or the deviceToken given). How many.',
  })
  forgetOtherKnownDevices(@Ctx() context: RequestContext, @Args() args: CurrentDeviceArgs): Promise<number> {
    return this.devices.forgetOthers(context, args.deviceToken);
  }
}
