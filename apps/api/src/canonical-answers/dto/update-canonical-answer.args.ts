import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsAnswerSlug } from './answer-slug.js';
import { UpdateCanonicalAnswerInput } from './update-canonical-answer.input.js';

@ArgsType()
export class UpdateCanonicalAnswerArgs {
  @Field({ description: 'The canonical answer to change.' })
  @IsAnswerSlug()
  slug: string;

  @Field(() => UpdateCanonicalAnswerInput, { description: 'What changes.' })
  @ValidateNested()
  @Type(() => UpdateCanonicalAnswerInput)
  input: UpdateCanonicalAnswerInput;
}
