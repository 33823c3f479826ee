import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { ExpectedVersionField } from '../../common/versioned-update.js';
import { normalizeBody, normalizeTitle } from '../../threads/post-text.js';
import { answerBodyLength, answerBodyMessage, answerTitleLength, answerTitleMessage } from './answer-text.js';

@InputType({ description: 'New text for a canonical answer; omitted fields stay as they are.' })
export class UpdateCanonicalAnswerInput {
  @Field(() => String, {
    nullable: true,
    description: 'The new title, 3 to 200 characters once whitespace is collapsed; unchanged when null.',
  })
  @IsOptional()
  @Transform(({ value }) => normalizeTitle(value))
  @IsString()
  @Length(answerTitleLength.min, answerTitleLength.max, { message: answerTitleMessage })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Markdown, 1 to 20000 characters; unchanged when null.' })
  @IsOptional()
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(answerBodyLength.min, answerBodyLength.max, { message: answerBodyMessage })
  body?: string;

  @ExpectedVersionField('answer')
  expectedVersion?: number | null;
}
