import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: 'Your notifications to mark read, 1 to 100; ids that are not yours are ignored.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must list 1 to 100 notifications' })
  @ArrayMaxSize(100, { message: 'ids must list 1 to 100 notifications' })
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  ids: string[];
}
