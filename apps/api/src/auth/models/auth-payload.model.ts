import { Field, ObjectType } from '@nestjs/graphql';
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
}
