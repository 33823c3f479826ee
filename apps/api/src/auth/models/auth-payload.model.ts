import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Viewer } from '../../users/models/viewer.model.js';

@ObjectType('AuthPayload', {
  description:
    'A new session. The web app uses the httpOnly cookie set with this response; API clients send `token` as `Authorization: Bearer <token>`.',
})
export class AuthPayload {
  @Field({ description: 'The session token, shown once; only its hash is stored.' })
  token: string;

  @Field({ description: 'When the session ends unless renewed by use.' })
  expiresAt: Date;

  @Field(() => Viewer, { description: 'The signed-in user.' })
  user: Viewer;

  @Field(() => String, {
    nullable: true,
    description:
      "After a two-factor sign-in: this client's device token (also set as an httpOnly cookie). API clients keep it and send it " +
      'as deviceToken with later code steps, whose tries then count against its own budget. Null otherwise.',
  })
  deviceToken: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'After a two-factor sign-in with a recovery code: how many unused recovery codes the account has left (new ones are made ' +
      'with regenerateRecoveryCodes). Null after a code from the app, and after signUp.',
  })
  recoveryCodesLeft: number | null;
}
