import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class ModerationPageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 50.' })
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
