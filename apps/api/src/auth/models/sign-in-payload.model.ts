import { Field, ObjectType } from '@nestjs/graphql';
import { TwoFactorChallenge } from '../../two-factor/models/two-factor.models.js';
import { Viewer } from '../../users/models/viewer.model.js';

@ObjectType('SignInPayload', {
  description:
    'Either a session (token, expiresAt, user) or, for an account with two-factor sign-in, only twoFactorChallenge: ' +
    'no session exists until completeTwoFactorSignIn accepts a code.',
})
export class SignInPayload {
  @Field(() => String, { nullable: true, description: 'The session token, shown once; only its hash is stored.' })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'When the session ends; null while a second step is needed.' })
  expiresAt: Date | null;

  @Field(() => Viewer, { nullable: true, description: 'The signed-in user; null while a second step is needed.' })
  user: Viewer | null;

  @Field(() => TwoFactorChallenge, {
    nullable: true,
    description: 'Set when two-factor sign-in is on: finish with completeTwoFactorSignIn.',
  })
  twoFactorChallenge: TwoFactorChallenge | null;
}
