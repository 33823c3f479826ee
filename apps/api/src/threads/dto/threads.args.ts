import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/page.args.js';
import { ThreadStatus } from '../thread-status.js';
import { tagPattern } from '#post-limits';

export enum ThreadSort {
  LATEST_ACTIVITY = 'LATEST_ACTIVITY',
  NEWEST = 'NEWEST',
}

registerEnumType(ThreadSort, {
  name: 'ThreadSort',
  description: 'Order of a thread list; ties broken by id, newest first.',
  valuesMap: {
    LATEST_ACTIVITY: { description: 'Most recent reply (or question) first.' },
    NEWEST: { description: 'Most recently asked first.' },
  },
});

@InputType({ description: 'Narrows a thread list; all given conditions apply together.' })
export class ThreadFilter {
  @Field(() => ThreadStatus, { nullable: true, description: 'Threads in this status.' })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus | null;

  @Field(() => String, { nullable: true, description: 'Threads carrying this tag.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(tagPattern, { message: 'tag must be 1 to 32 characters of a-z, 0-9 and -, with at least one letter or digit' })
  tag?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only threads with neither an accepted answer nor a visible staff answer (locked or not); false: only threads with either.',
  })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Threads asked by this user (case-insensitive).' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @IsNotEmpty({ message: 'authorUsername must not be blank' })
  @MaxLength(64)
  authorUsername?: string | null;

  @Field(() => ID, { nullable: true, description: 'Threads asked by this user.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'authorId must be a positive integer id' })
  authorId?: string | null;
}

@ArgsType()
export class ThreadsArgs extends PageArgs {
  @Field(() => ThreadFilter, { nullable: true, description: 'Conditions the threads meet; none: every thread the viewer may see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThreadFilter)
  filter?: ThreadFilter | null;

  @Field(() => ThreadSort, { defaultValue: ThreadSort.LATEST_ACTIVITY, description: 'The order of the list.' })
  @IsEnum(ThreadSort)
  sort: ThreadSort = ThreadSort.LATEST_ACTIVITY;
}
