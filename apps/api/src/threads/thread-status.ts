import { registerEnumType } from '@nestjs/graphql';

export enum ThreadStatus {
  Open = 'OPEN',
  Answered = 'ANSWERED',
  Locked = 'LOCKED',
}

registerEnumType(ThreadStatus, { name: 'ThreadStatus' });
