import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ArgsType()
export class BotStatsArgs {
  @Field(() => Int, { defaultValue: 30, description: 'The last 1 to 365 days (today included).' })
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 30;
}
