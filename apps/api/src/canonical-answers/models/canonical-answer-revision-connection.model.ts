import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { CanonicalAnswerRevision } from './canonical-answer-revision.model.js';

@ObjectType('CanonicalAnswerRevisionConnection', { description: "One page of a canonical answer's earlier versions, newest first." })
export class CanonicalAnswerRevisionConnection extends Paginated(CanonicalAnswerRevision, 'CanonicalAnswerRevision', 'earlier version') {}
