import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RemoveLearnedExampleArgs {
  @Field(() => ID, { description: 'A LearnedExample id.' })
  @IsString()
  @MaxLength(40)
  id: string;
}
