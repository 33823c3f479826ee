import { IsString, Length } from 'class-validator';

/** What a password must be when it is set (sign-up, a change, the CLI tools): 10–200 characters. */
export function IsNewPassword(): PropertyDecorator {
  return (target, property) => {
    IsString({ message: '$property must be a string' })(target, property);
    Length(10, 200, { message: '$property must be 10–200 characters long' })(target, property);
  };
}
