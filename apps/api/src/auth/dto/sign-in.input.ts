import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@InputType({ description: 'Credentials of an existing account.' })
export class SignInInput {
  @Field({ description: 'Username or email address (case-insensitive).' })
  @IsString({ message: 'login must be a string' })
  @Length(1, 254, { message: 'login must be 1–254 characters long' })
  login: string;

  @Field({ description: 'Your password.' })
  @IsString({ message: 'password must be a string' })
  @Length(1, 200, { message: 'password must be 1–200 characters long' })
  password: string;
}
