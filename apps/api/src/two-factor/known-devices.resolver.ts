import { Args, Directive, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';
import { CurrentDeviceArgs } from './dto/two-factor.inputs.js';
import { KnownDevicesService } from './known-devices.service.js';
import { KnownDevice } from './models/two-factor.models.js';

/** Forgetting devices is AuthResolver's (forgetKnownDevice, forgetOtherKnownDevices): it may sign out sessions, which are auth's. */
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
}
