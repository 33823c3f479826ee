import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { normalizeBody } from '../post-text.js';
import { replyBodyLength } from '#post-limits';

@ArgsType()
export class ReplyToThreadArgs {
  @Field(() => ID, { description: 'The thread to reply to.' })
  @IsString()
  threadId: string;

  @Field({ description: `Markdown, ${replyBodyLength.min} to ${replyBodyLength.max} characters.` })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(replyBodyLength.min, replyBodyLength.max, { message: `body must be ${replyBodyLength.min} to ${replyBodyLength.max} characters` })
  body: string;
}
