import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class SignOutSessionArgs {
  @Field(() => ID, { description: 'The id of one of your sessions (see sessions).' })
  @IsString()
  @MaxLength(40)
  id: string;
}
