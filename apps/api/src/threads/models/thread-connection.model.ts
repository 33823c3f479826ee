import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { Thread } from './thread.model.js';

@ObjectType('ThreadConnection', { description: 'One page of threads.' })
export class ThreadConnection extends Paginated(Thread, 'Thread', 'thread') {
  /** Not a field: counts every match, run only when totalCount is asked for. */
  count: () => Promise<number>;
}
