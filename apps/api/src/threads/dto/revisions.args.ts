import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { PostType } from '../post-type.js';

@ArgsType()
export class RevisionsArgs {
  @Field(() => PostType)
  @IsEnum(PostType)
  postType: PostType;

  @Field(() => ID)
  @IsString()
  postId: string;
}
