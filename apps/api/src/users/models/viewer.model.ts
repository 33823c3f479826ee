import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.model.js';

/** Wherever it appears, the answer is about one viewer: never cached. */
@Directive('@cacheControl(scope: PRIVATE)')
@ObjectType('Viewer', { description: 'The signed-in user: their public profile plus what only they may see.' })
export class Viewer extends User {
  @Field({ description: 'Your email address (lower-cased); never shown to anyone else.' })
  email: string;
}
