import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ArgsType()
export class LearnedExamplesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many, newest first (1 to 200).' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 200' })
  @Max(200, { message: 'first must be between 1 and 200' })
  first: number = 50;
}
