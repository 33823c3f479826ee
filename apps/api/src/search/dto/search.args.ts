import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { searchQueryLength } from '#post-limits';
import { PageArgs } from '../../common/page.args.js';

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description: `What to look for, ${searchQueryLength.min} to ${searchQueryLength.max} characters. Any text is accepted; only its words are searched, the last one (of two or more characters) as a prefix.`,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(searchQueryLength.min, searchQueryLength.max)
  query: string;
}
