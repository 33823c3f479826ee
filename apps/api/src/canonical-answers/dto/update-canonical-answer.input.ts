import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { ExpectedVersionField } from '../../common/versioned-update.js';
import { normalizeBody, normalizeTitle } from '../../threads/post-text.js';

@InputType({ description: 'New text for a canonical answer; omitted fields stay as they are.' })
export class UpdateCanonicalAnswerInput {
  @Field(() => String, {
    nullable: true,
    description: 'The new title, 3 to 200 characters once whitespace is collapsed; unchanged when null.',
  })
  @IsOptional()
  @Transform(({ value }) => normalizeTitle(value))
  @IsString()
  @Length(3, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Markdown, 1 to 20000 characters; unchanged when null.' })
  @IsOptional()
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(1, 20000)
  body?: string;

  @ExpectedVersionField('answer')
  expectedVersion?: number | null;
}
