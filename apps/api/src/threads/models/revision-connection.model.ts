import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model.js';
import { Revision } from './revision.model.js';

@ObjectType('RevisionEdge')
export class RevisionEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this revision.' })
  cursor: string;

  @Field(() => Revision)
  node: Revision;
}

@ObjectType('RevisionConnection', { description: 'One page of the earlier versions of a post, newest first.' })
export class RevisionConnection {
  @Field(() => [RevisionEdge])
  edges: RevisionEdge[];

  @Field(() => [Revision])
  nodes: Revision[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
