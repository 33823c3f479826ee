import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { ExpectedVersionField } from '../../common/versioned-update.js';
import { normalizeBody } from '../post-text.js';
import { replyBodyLength } from '#post-limits';

@InputType({ description: 'The new text of a reply.' })
export class EditReplyInput {
  @Field({ description: `Markdown, ${replyBodyLength.min} to ${replyBodyLength.max} characters.` })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(replyBodyLength.min, replyBodyLength.max, { message: `body must be ${replyBodyLength.min} to ${replyBodyLength.max} characters` })
  body: string;

  @ExpectedVersionField('reply')
  expectedVersion?: number | null;
}
