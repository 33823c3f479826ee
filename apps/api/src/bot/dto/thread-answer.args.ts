import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { IsAnswerSlug } from '../../canonical-answers/dto/answer-slug.js';

/** A thread and a canonical answer for it. */
@ArgsType()
export class ThreadAnswerArgs {
  @Field(() => ID, { description: 'The question.' })
  @IsString()
  threadId: string;

  @Field({ description: 'A canonical answer slug.' })
  @IsAnswerSlug()
  slug: string;
}
