import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';

@ArgsType()
export class ConfirmTwoFactorArgs {
  @Field({ description: 'The 6-digit code the authenticator app shows now.' })
  @IsString()
  @Length(1, 64, { message: 'code must be 1–64 characters' })
  code: string;

  @Field({
    description:
      'Your password: a signed-in session alone cannot turn two-factor sign-in on, or someone who took over the session could lock you out.',
  })
  @IsString()
  @Length(1, 200, { message: 'password must be 1–200 characters' })
  password: string;
}

@ArgsType()
export class RegenerateRecoveryCodesArgs {
  @Field({
    description: 'Proof that you are the account holder: a current 6-digit code from the authenticator app, or an unused recovery code.',
  })
  @IsString()
  @Length(1, 64, { message: 'code must be 1–64 characters' })
  code: string;
}

@InputType({ description: 'The second step of signing in.' })
export class CompleteTwoFactorSignInInput {
  @Field({ description: 'The token signIn returned in twoFactorChallenge.' })
  @IsString()
  @Length(1, 128, { message: 'challenge must be 1–128 characters' })
  challenge: string;

  @Field({ description: 'A 6-digit code from the authenticator app, or one of the recovery codes.' })
  @IsString()
  @Length(1, 64, { message: 'code must be 1–64 characters' })
  code: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The deviceToken an earlier two-factor sign-in of this client returned (API clients; browsers send their cookie): ' +
      'its tries count against a budget of its own, not the one every unknown device shares.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128, { message: 'deviceToken must be 1–128 characters' })
  deviceToken?: string | null;
}

@InputType({ description: 'Proof for turning two-factor sign-in off: a current code, or the password plus a recovery code.' })
export class DisableTwoFactorInput {
  @Field(() => String, { nullable: true, description: 'A current 6-digit code from the authenticator app.' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'code must be 1–64 characters' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Your password, given with recoveryCode when the authenticator app is lost.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'password must be 1–200 characters' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'One of your unused recovery codes, given with password.' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'recoveryCode must be 1–64 characters' })
  recoveryCode?: string | null;
}

@ArgsType()
export class CurrentDeviceArgs {
  @Field(() => String, {
    nullable: true,
    description: "API clients: the deviceToken a two-factor sign-in returned, naming this client's device (browsers send their cookie).",
  })
  @IsOptional()
  @IsString()
  @Length(1, 128, { message: 'deviceToken must be 1–128 characters' })
  deviceToken?: string | null;
}

@ArgsType()
export class ForgetKnownDeviceArgs {
  @Field(() => ID, { description: 'The id of one of your known devices.' })
  @IsString()
  @MaxLength(40)
  id: string;

  @Field({
    defaultValue: false,
    description: 'Also sign out every session that signed in through it (see Session.knownDeviceId), this one too if it did.',
  })
  @IsBoolean()
  signOut: boolean = false;
}

@ArgsType()
export class ForgetOtherKnownDevicesArgs extends CurrentDeviceArgs {
  @Field({
    defaultValue: false,
    description: 'Also sign out every session that signed in through one of them (see Session.knownDeviceId), never this one.',
  })
  @IsBoolean()
  signOut: boolean = false;
}
