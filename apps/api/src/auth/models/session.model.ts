import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Session', {
  description: 'A browser or API client signed in to your account: where you are signed in. Ends with signOutSession.',
})
export class Session {
  @Field(() => ID, { description: 'Pass to signOutSession.' })
  id: string;

  @Field({ description: 'Browser and system, from the User-Agent it signed in with ("Chrome on Linux"), or "API client".' })
  label: string;

  @Field({ description: 'When it signed in.' })
  createdAt: Date;

  @Field({ description: 'When it last made a request, to within five minutes.' })
  lastUsedAt: Date;

  @Field({ description: 'It is the session of this request.' })
  current: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'The known device whose two-factor sign-in started it (see knownDevices), or null: signed in without the code step, or the device was forgotten since.',
  })
  knownDeviceId: string | null;
}
