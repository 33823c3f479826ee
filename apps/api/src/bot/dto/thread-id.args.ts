import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class ThreadIdArgs {
  @Field(() => ID)
  @IsString()
  threadId: string;
}
