import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { PageArgs } from '../../common/page.args.js';
import { PostType } from '../../common/post-type.js';

@ArgsType()
export class RevisionsArgs extends PageArgs {
  @Field(() => PostType, { description: 'Whether the post is a question or a reply.' })
  @IsEnum(PostType)
  postType: PostType;

  @Field(() => ID, { description: 'The thread or reply.' })
  @IsString()
  postId: string;
}
