import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Cursor pagination arguments shared by every list: `first` items after the `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 50.' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 50' })
  @Max(50, { message: 'first must be between 1 and 50' })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'after must be the endCursor of a page; omit it for the first page' })
  @MaxLength(200)
  after?: string | null;
}
