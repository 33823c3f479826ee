import { ArgsType, Field } from '@nestjs/graphql';
import { IsAnswerSlug } from './answer-slug.js';

@ArgsType()
export class AnswerSlugArgs {
  @Field()
  @IsAnswerSlug()
  slug: string;
}
