import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { PageArgs } from '../../common/page.args.js';
import { BotQueueKind } from '../models/bot-queue.model.js';

@ArgsType()
export class BotQueueArgs extends PageArgs {
  @Field(() => BotQueueKind, { description: 'Which queue.' })
  @IsEnum(BotQueueKind)
  kind: BotQueueKind;
}
