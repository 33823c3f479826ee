import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class SearchArgs {
  @Field({
    description: 'What to look for, 1 to 200 characters. Any text is accepted; only its words are searched, the last one as a prefix.',
  })
  @IsString()
  @Length(1, 200)
  query: string;

  @Field(() => Int, { defaultValue: 20, description: 'Results per page, 1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}
