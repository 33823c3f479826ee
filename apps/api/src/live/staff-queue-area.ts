import { registerEnumType } from '@nestjs/graphql';

export enum StaffQueueArea {
  BOT_QUEUES = 'BOT_QUEUES',
  BOT_STATS = 'BOT_STATS',
  FLAGS = 'FLAGS',
}

// Upper-case keys: the GraphQL values are the keys.
registerEnumType(StaffQueueArea, {
  name: 'StaffQueueArea',
  description: 'Which staff queues changed.',
  valuesMap: {
    BOT_QUEUES: { description: "The FAQ bot's queues (BotQueueKind), their counts and its statistics." },
    BOT_STATS: { description: "Only the FAQ bot's statistics (a deflection, a useful vote): no queue changed." },
    FLAGS: { description: 'The open flags and their count.' },
  },
});
