import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { BotSuggestion } from './bot-suggestion.model.js';

export enum BotQueueKind {
  PENDING = 'PENDING',
  UNHELPFUL = 'UNHELPFUL',
  NO_SUGGESTION = 'NO_SUGGESTION',
  DISMISSED = 'DISMISSED',
}

registerEnumType(BotQueueKind, {
  name: 'BotQueueKind',
  description: 'Which staff queue of the FAQ bot.',
  valuesMap: {
    PENDING: { description: 'The bot was unsure: a suggestion waits for staff (open, visible threads with no staff reply since).' },
    UNHELPFUL: {
      description: "The asker said the bot answer did not help (open, visible threads with no staff reply since the bot's suggestion).",
    },
    NO_SUGGESTION: { description: 'Open questions with no reply yet that the bot found no answer for, or has not looked at yet.' },
    DISMISSED: {
      description:
        "Staff decided no canonical answer fits, so a person must answer (open, visible threads with no staff reply since the bot's suggestion).",
    },
  },
});

@ObjectType('BotQueueItem', { description: 'A question waiting for staff in one of the bot queues.' })
export class BotQueueItem {
  @Field(() => ID, { description: 'The question waiting for staff.' })
  threadId: string;

  @Field(() => BotSuggestion, { nullable: true, description: 'Null for questions the bot never looked at.' })
  suggestion: BotSuggestion | null;
}

@ObjectType('BotQueuePage', { description: 'One page of a bot queue, oldest first.' })
export class BotQueuePage {
  @Field(() => [BotQueueItem], { description: 'The questions of this page, oldest first.' })
  nodes: BotQueueItem[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}

@ObjectType('BotQueueCounts', { description: 'How many questions wait in each bot queue now, by the rules botQueue lists them by.' })
export class BotQueueCounts {
  @Field(() => Int, { description: 'PENDING.' })
  pending: number;

  @Field(() => Int, { description: 'UNHELPFUL.' })
  unhelpful: number;

  @Field(() => Int, { description: 'NO_SUGGESTION.' })
  noSuggestion: number;

  @Field(() => Int, { description: 'DISMISSED.' })
  dismissed: number;
}
