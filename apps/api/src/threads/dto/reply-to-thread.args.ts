import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { normalizeBody } from '../post-text.js';

@ArgsType()
export class ReplyToThreadArgs {
  @Field(() => ID)
  @IsString()
  threadId: string;

  @Field({ description: 'Markdown, 1 to 20000 characters.' })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(1, 20000, { message: 'body must be 1 to 20000 characters' })
  body: string;
}
