import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TagCount', { description: 'A tag and how many threads the viewer can see carry it.' })
export class TagCount {
  @Field({ description: 'Lower-case, 1 to 32 of a-z, 0-9 and -.' })
  tag: string;

  @Field(() => Int, { description: 'Threads visible to the viewer with this tag (hidden ones only count for staff and their author).' })
  threadCount: number;
}
