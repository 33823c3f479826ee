import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CanonicalAnswer', {
  description: 'A staff-written answer to a frequent question, at /answers/<slug>; the FAQ bot suggests these.',
})
export class CanonicalAnswer {
  @Field(() => ID, { description: "The answer's id." })
  id: string;

  @Field({ description: 'Lower-case letters, digits and dashes; the address is /answers/<slug>.' })
  slug: string;

  @Field({ description: 'The question the answer answers, as a title.' })
  title: string;

  @Field({ description: 'Markdown.' })
  body: string;

  @Field(() => Int, {
    description:
      'Starts at 1; each edit of the title or body adds one. Send it as `expectedVersion` when editing, so that an edit someone else saved meanwhile is not overwritten.',
  })
  version: number;

  @Field({ description: 'Retired answers stay readable but are never suggested.' })
  retired: boolean;

  @Field({ description: 'When the answer was written.' })
  createdAt: Date;

  @Field({ description: 'When the answer last changed.' })
  updatedAt: Date;

  /** Not a field: the stored HTML that bodyHtml serves (null only until the start-up cook reaches the row). */
  cookedHtml: string | null;
}
