import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { Revision } from './revision.model.js';

@ObjectType('RevisionConnection', { description: 'One page of the earlier versions of a post, newest first.' })
export class RevisionConnection extends Paginated(Revision, 'Revision', 'revision') {}
