import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class ThreadIdArgs {
  @Field(() => ID, { description: 'The question the bot suggested an answer for.' })
  @IsString()
  threadId: string;
}
