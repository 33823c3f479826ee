import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class SuggestAnswersArgs {
  @Field(() => String, { nullable: true, description: 'The title typed so far, at most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The body typed so far, at most 20000 characters; suggestions read its first 4000.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'body must be at most 20000 characters' })
  body?: string | null;
}
