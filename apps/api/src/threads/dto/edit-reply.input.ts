import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { normalizeBody } from '../post-text.js';

@InputType({ description: 'The new text of a reply.' })
export class EditReplyInput {
  @Field({ description: 'Markdown, 1 to 20000 characters.' })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(1, 20000, { message: 'body must be 1 to 20000 characters' })
  body: string;
}
