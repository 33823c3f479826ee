import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
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

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the answer this edit started from. When someone else saved an edit since, nothing is stored and the ' +
      'error is CONFLICT with reason EDITED_SINCE: read the current text, merge, and send again with its version. ' +
      'Omitted, the edit replaces whatever version is current (as before this field existed). An edit that changes nothing succeeds.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
