import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsAnswerSlug, Trim } from './answer-slug.js';
import { exampleLength } from './answer-text.js';

@ArgsType()
export class AddAnswerExampleArgs {
  @Field({ description: 'The canonical answer to add the example to.' })
  @IsAnswerSlug()
  slug: string;

  @Field({ description: 'An example question, 3 to 2000 characters.' })
  @Trim()
  @IsString()
  @Length(exampleLength.min, exampleLength.max, { message: `text must be ${exampleLength.min} to ${exampleLength.max} characters` })
  text: string;
}
