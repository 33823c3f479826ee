import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ThreadActivityArgs {
  @Field(() => ID, { description: 'The thread to follow.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  threadId: string;
}
