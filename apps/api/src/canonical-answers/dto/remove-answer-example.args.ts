import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class RemoveAnswerExampleArgs {
  @Field(() => ID)
  @IsString()
  exampleId: string;
}
