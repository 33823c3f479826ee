import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ArgsType()
export class TagsArgs {
  @Field(() => Int, { defaultValue: 30, description: 'How many tags, 1 to 100.' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first: number = 30;
}
