import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { PageArgs } from '../../common/page.args.js';

@ArgsType()
export class UserRepliesArgs extends PageArgs {
  @Field(() => ID, { description: 'Whose replies.' })
  @IsString()
  userId: string;
}
