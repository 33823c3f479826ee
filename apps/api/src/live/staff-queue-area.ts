import { registerEnumType } from '@nestjs/graphql';

export enum StaffQueueArea {
  BOT_QUEUES = 'BOT_QUEUES',
  FLAGS = 'FLAGS',
}

// Upper-case keys: the GraphQL values are the keys.
registerEnumType(StaffQueueArea, {
  name: 'StaffQueueArea',
  description: 'Which staff queues changed.',
  valuesMap: {
    BOT_QUEUES: { description: "The FAQ bot's queues (BotQueueKind) and its statistics." },
    FLAGS: { description: 'The open flags.' },
  },
});
