import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { BotSuggestion } from './bot-suggestion.model.js';

export enum BotQueueKind {
  /** The bot was unsure: a suggestion waits for staff (open, visible threads with no staff reply since). */
  PENDING = 'PENDING',
  /** The asker said the bot answer did not help (open, visible threads with no staff reply since the bot's suggestion). */
  UNHELPFUL = 'UNHELPFUL',
  /** Open questions with no bot suggestion and no reply yet. */
  NO_SUGGESTION = 'NO_SUGGESTION',
}

registerEnumType(BotQueueKind, { name: 'BotQueueKind', description: 'Which staff queue of the FAQ bot.' });

@ObjectType('BotQueueItem', { description: 'A question waiting for staff in one of the bot queues.' })
export class BotQueueItem {
  @Field(() => ID)
  threadId: string;

  @Field(() => BotSuggestion, { nullable: true, description: 'Null for questions the bot never looked at.' })
  suggestion: BotSuggestion | null;
}

@ObjectType('BotQueuePage', { description: 'One page of a bot queue, oldest first.' })
export class BotQueuePage {
  @Field(() => [BotQueueItem])
  nodes: BotQueueItem[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
