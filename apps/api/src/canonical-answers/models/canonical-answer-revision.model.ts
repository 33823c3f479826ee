import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../../users/models/user.model.js';

@ObjectType('CanonicalAnswerRevision', { description: 'The text a canonical answer had at an earlier version (staff only).' })
export class CanonicalAnswerRevision {
  @Field(() => Int, { description: 'The version number, from 1.' })
  version: number;

  @Field({ description: 'The title in this version.' })
  title: string;

  @Field({ description: 'Markdown.' })
  body: string;

  @Field(() => User, { nullable: true, description: 'Who replaced this text with the next version.' })
  editor?: User | null;

  /** Resolved into `editor`. */
  editorId: number | null;

  @Field({ description: 'When this text was replaced.' })
  createdAt: Date;
}
