import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { Reply } from './reply.model.js';

@ObjectType('ReplyConnection', { description: 'One page of replies, in the order of the field that lists them.' })
export class ReplyConnection extends Paginated(Reply, 'Reply', 'reply') {}
