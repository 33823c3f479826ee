import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { PageArgs } from '../../common/page.args.js';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only notifications not read yet.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}
