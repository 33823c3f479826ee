import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class RemoveAnswerExampleArgs {
  @Field(() => ID, { description: "The example's id." })
  @IsString()
  exampleId: string;
}
