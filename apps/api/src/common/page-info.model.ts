import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', { description: 'Where a page ends; pass endCursor as `after` for the next one.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Opaque cursor after the last item of this page; null on an empty page (past the end too).',
  })
  endCursor: string | null;
}
