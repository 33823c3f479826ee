import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { tagPattern } from '../post-text.js';
import { ThreadStatus } from '../thread-status.js';

export enum ThreadSort {
  /** Most recent reply (or question) first. */
  LATEST_ACTIVITY = 'LATEST_ACTIVITY',
  /** Most recently asked first. */
  NEWEST = 'NEWEST',
}

registerEnumType(ThreadSort, { name: 'ThreadSort', description: 'Order of a thread list; ties broken by id, newest first.' });

@InputType({ description: 'Narrows a thread list; all given conditions apply together.' })
export class ThreadFilter {
  @Field(() => ThreadStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus | null;

  @Field(() => String, { nullable: true, description: 'Threads carrying this tag.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(tagPattern, { message: 'tag must be 1 to 32 characters of a-z, 0-9 and -' })
  tag?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only threads without an accepted answer (replies or not, locked or not); false: only threads with one.',
  })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Threads asked by this user (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  authorUsername?: string | null;

  @Field(() => ID, { nullable: true, description: 'Threads asked by this user.' })
  @IsOptional()
  @IsString()
  authorId?: string | null;
}

@ArgsType()
export class ThreadsArgs {
  @Field(() => ThreadFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThreadFilter)
  filter?: ThreadFilter | null;

  @Field(() => ThreadSort, { defaultValue: ThreadSort.LATEST_ACTIVITY })
  @IsEnum(ThreadSort)
  sort: ThreadSort = ThreadSort.LATEST_ACTIVITY;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 50.' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 50' })
  @Max(50, { message: 'first must be between 1 and 50' })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string | null;
}
