import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsAnswerSlug, Trim } from './answer-slug.js';

@ArgsType()
export class AddAnswerExampleArgs {
  @Field({ description: 'The canonical answer to add the example to.' })
  @IsAnswerSlug()
  slug: string;

  @Field({ description: 'An example question, 3 to 2000 characters.' })
  @Trim()
  @IsString()
  @Length(3, 2000)
  text: string;
}
