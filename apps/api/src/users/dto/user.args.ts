import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class UserArgs {
  @Field({ description: 'Case-insensitive.' })
  @IsString()
  @Length(1, 32, { message: 'username must be 1–32 characters long' })
  username: string;
}
