import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { IsNewPassword } from './new-password.js';

/** The sign-up rules; the `user:create` CLI validates its flags with this same class. */
@InputType({ description: 'A new member account.' })
export class SignUpInput {
  @Field({ description: '3–32 letters, digits, "_", "." or "-"; unique regardless of case.' })
  @IsString({ message: 'username must be a string' })
  @Matches(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'username must be 3–32 characters of letters, digits, "_", "." or "-"' })
  username: string;

  @Field({ description: 'Stored lower-cased; one account per address.' })
  @IsString({ message: 'email must be a string' })
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @Field({ description: 'At least 10 characters (at most 200).' })
  @IsNewPassword()
  password: string;
}
