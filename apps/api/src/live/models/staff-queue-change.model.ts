import { Field, ID, ObjectType } from '@nestjs/graphql';
import { StaffQueueArea } from '../staff-queue-area.js';

@ObjectType('StaffQueueChange', {
  description: 'Something staff queues list changed, committed: read the queues of that area again. Ids only, never post text.',
})
export class StaffQueueChange {
  @Field(() => StaffQueueArea, { description: 'Which queues changed.' })
  area: StaffQueueArea;

  @Field(() => ID, { nullable: true, description: 'The question that moved in or out of a queue, when known.' })
  threadId: string | null;

  @Field(() => ID, { nullable: true, description: 'FLAGS: the flag raised or resolved, when one flag changed.' })
  flagId: string | null;
}
