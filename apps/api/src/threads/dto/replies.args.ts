import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class RepliesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page: the page after it.' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The startCursor of a page: the `first` replies just before it (still oldest first). Not with `after` or `around`.',
  })
  @IsOptional()
  @IsString()
  before?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A reply a link points to: the page that holds it, the pages counted in `first` replies from the first, with hasPreviousPage and startCursor to read the pages before. When the viewer sees no such reply in this thread (none, hidden, or another thread's), the first page. Not with `after` or `before`.",
  })
  @IsOptional()
  @IsString()
  around?: string | null;
}
