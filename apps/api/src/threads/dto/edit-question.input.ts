import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ExpectedVersionField } from '../../common/versioned-update.js';
import { normalizeBody, normalizeTags, normalizeTitle } from '../post-text.js';
import { maxTagsPerQuestion, questionBodyLength, tagPattern, titleLength } from '#post-limits';

@InputType({ description: 'Changes to a question; omitted fields stay as they are.' })
export class EditQuestionInput {
  @Field(() => String, { nullable: true, description: `${titleLength.min} to ${titleLength.max} characters once whitespace is collapsed.` })
  @IsOptional()
  @Transform(({ value }) => normalizeTitle(value))
  @IsString()
  @Length(titleLength.min, titleLength.max, { message: `title must be ${titleLength.min} to ${titleLength.max} characters` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: `Markdown, ${questionBodyLength.min} to ${questionBodyLength.max} characters.` })
  @IsOptional()
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(questionBodyLength.min, questionBodyLength.max, {
    message: `body must be ${questionBodyLength.min} to ${questionBodyLength.max} characters`,
  })
  body?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Replaces every tag: up to ${maxTagsPerQuestion} of 1 to 32 characters [a-z0-9-], with at least one letter or digit.`,
  })
  @IsOptional()
  @Transform(({ value }) => normalizeTags(value))
  @IsArray()
  @ArrayMaxSize(maxTagsPerQuestion, { message: `at most ${maxTagsPerQuestion} tags` })
  @IsString({ each: true })
  @Matches(tagPattern, { each: true, message: 'each tag must be 1 to 32 characters of a-z, 0-9 and -, with at least one letter or digit' })
  tags?: string[] | null;

  @ExpectedVersionField('question')
  expectedVersion?: number | null;
}
