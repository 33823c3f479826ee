import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, Length } from 'class-validator';
import { PostType } from '../../common/post-type.js';

@ArgsType()
export class FlagPostArgs {
  @Field(() => PostType, { description: 'Whether the post is a question or a reply.' })
  @IsEnum(PostType)
  postType: PostType;

  @Field(() => ID, { description: 'The thread id for a THREAD, the reply id for a REPLY.' })
  @IsString()
  postId: string;

  @Field({ description: 'Why a moderator should look at the post: 5 to 500 characters.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(5, 500, { message: 'reason must be 5 to 500 characters' })
  reason: string;
}
