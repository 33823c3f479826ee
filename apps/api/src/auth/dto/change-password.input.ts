import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from './new-password.js';

@InputType({ description: 'The account’s password now, and the one that replaces it.' })
export class ChangePasswordInput {
  @Field({ description: 'The password the account has now.' })
  @IsString({ message: 'currentPassword must be a string' })
  @MaxLength(200, { message: 'currentPassword must be at most 200 characters long' })
  currentPassword: string;

  @Field({ description: 'At least 10 characters (at most 200), not the current one.' })
  @IsNewPassword()
  newPassword: string;
}
