import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { normalizeBody, normalizeTags, normalizeTitle, tagPattern } from '../post-text.js';

@InputType({ description: 'Changes to a question; omitted fields stay as they are.' })
export class EditQuestionInput {
  @Field(() => String, { nullable: true, description: '10 to 200 characters once whitespace is collapsed.' })
  @IsOptional()
  @Transform(({ value }) => normalizeTitle(value))
  @IsString()
  @Length(10, 200, { message: 'title must be 10 to 200 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown, 20 to 20000 characters.' })
  @IsOptional()
  @Transform(({ value }) => normalizeBody(value))
  @IsString()
  @Length(20, 20000, { message: 'body must be 20 to 20000 characters' })
  body?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces every tag: up to 5 of 1 to 32 characters [a-z0-9-].' })
  @IsOptional()
  @Transform(({ value }) => normalizeTags(value))
  @IsArray()
  @ArrayMaxSize(5, { message: 'at most 5 tags' })
  @IsString({ each: true })
  @Matches(tagPattern, { each: true, message: 'each tag must be 1 to 32 characters of a-z, 0-9 and -' })
  tags?: string[] | null;
}
