import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PostType } from '../../common/post-type.js';
import { normalizeNote } from './note.js';

@ArgsType()
export class PostTargetArgs {
  @Field(() => PostType, { description: 'Whether the post is a question or a reply.' })
  @IsEnum(PostType)
  postType: PostType;

  @Field(() => ID, { description: 'The thread id for a THREAD, the reply id for a REPLY.' })
  @IsString()
  postId: string;

  @Field(() => String, { nullable: true, description: 'Why, for the moderation log: up to 500 characters.' })
  @IsOptional()
  @Transform(({ value }) => normalizeNote(value))
  @IsString()
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string | null;
}
