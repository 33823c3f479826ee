import { ArgsType, Field } from '@nestjs/graphql';
import { IsAnswerSlug } from './answer-slug.js';

@ArgsType()
export class AnswerSlugArgs {
  @Field({ description: "The canonical answer's slug." })
  @IsAnswerSlug()
  slug: string;
}
