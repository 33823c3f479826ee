import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BotQueueKind } from '../models/bot-queue.model.js';

@ArgsType()
export class BotQueueArgs {
  @Field(() => BotQueueKind)
  @IsEnum(BotQueueKind)
  kind: BotQueueKind;

  @Field(() => Int, { defaultValue: 20, description: '1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}
