import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { Transform } from 'class-transformer';
import { normalizeBody, normalizeTitle } from '../../threads/post-text.js';
import { IsAnswerSlug } from './answer-slug.js';
import { answerBodyLength, answerBodyMessage, answerTitleLength, answerTitleMessage, exampleLength, maxExamples } from './answer-text.js';

@InputType({ description: 'A new canonical answer.' })
export class CreateCanonicalAnswerInput {
  @Field({ description: '3 to 64 lower-case letters, digits or dashes; unique.' })
  @IsAnswerSlug()
  slug: string;

  @Field({ description: 'The question the answer answers, as a title: 3 to 200 characters once whitespace is collapsed.' })
  @Transform(({ value }) => normalizeTitle(value))
  @IsString()
  @Length(answerTitleLength.min, answerTitleLength.max, { message: answerTitleMessage })
  title: string;

  @Field({ description: 'Markdown, 1 to 20000 characters.' })
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(answerBodyLength.min, answerBodyLength.max, { message: answerBodyMessage })
  body: string;

  @Field(() => [String], { defaultValue: [], description: 'Example questions this answer fits (what the bot learns from).' })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
  )
  @IsArray()
  @ArrayMaxSize(maxExamples, { message: `at most ${maxExamples} examples` })
  @IsString({ each: true })
  @Length(exampleLength.min, exampleLength.max, {
    each: true,
    message: `each example must be ${exampleLength.min} to ${exampleLength.max} characters`,
  })
  examples: string[] = [];
}
