import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 50.' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 50' })
  @Max(50, { message: 'first must be between 1 and 50' })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;

  @Field({ defaultValue: false, description: 'Only notifications not read yet.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}
