import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ThreadActivityArgs {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  threadId: string;
}
