import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { Trim } from './answer-slug.js';

@InputType({ description: 'New text for a canonical answer; omitted fields stay as they are.' })
export class UpdateCanonicalAnswerInput {
  @Field(() => String, { nullable: true, description: 'The new title; unchanged when null.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  body?: string;
}
