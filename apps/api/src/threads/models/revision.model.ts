import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PostType } from '../../common/post-type.js';
import { postTextCost } from '../../graphql/query-limits.js';

@ObjectType('Revision', { description: 'What a post said before one edit, and who made the edit.' })
export class Revision {
  @Field(() => ID, { description: "The revision's id." })
  id: string;

  @Field(() => PostType, { description: 'Whether the post is a question or a reply.' })
  postType: PostType;

  @Field(() => ID, { description: 'The thread or reply this was an earlier version of.' })
  postId: string;

  @Field(() => String, { nullable: true, description: 'The title before the edit; null for replies.' })
  previousTitle: string | null;

  @Field({ description: 'The markdown body before the edit.', complexity: postTextCost })
  previousBody: string;

  @Field(() => String, {
    nullable: true,
    complexity: postTextCost,
    description:
      'The body before the edit as sanitised HTML, as the post showed it. Null until cooked: a revision stored before revisions kept their HTML waits for the background re-cook after start-up; show previousBody as text meanwhile.',
  })
  previousBodyHtml: string | null;

  @Field({ description: 'When the edit was made.' })
  createdAt: Date;

  /** Not a field: for the editor resolver. */
  editorId: number;
}
