import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { normalizeBody } from '../post-text.js';
import { replyBodyLength } from '#post-limits';

@InputType({ description: 'The new text of a reply.' })
export class EditReplyInput {
  @Field({ description: `Markdown, ${replyBodyLength.min} to ${replyBodyLength.max} characters.` })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(replyBodyLength.min, replyBodyLength.max, { message: `body must be ${replyBodyLength.min} to ${replyBodyLength.max} characters` })
  body: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the reply this edit started from. When someone else saved an edit since, nothing is stored and the ' +
      'error is CONFLICT with reason EDITED_SINCE: read the current text, merge, and send again with its version. ' +
      'Omitted, the edit replaces whatever version is current (as before this field existed). An edit that changes nothing succeeds.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
