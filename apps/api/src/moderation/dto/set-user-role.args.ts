import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { Role } from '../../common/role.js';

@ArgsType()
export class SetUserRoleArgs {
  @Field(() => ID, { description: 'The user whose role changes.' })
  @IsString({ message: 'userId must be an id' })
  userId: string;

  @Field(() => Role, { description: 'MEMBER, STAFF or ADMIN; BOT cannot be assigned.' })
  @IsEnum(Role, { message: 'role must be MEMBER, STAFF or ADMIN' })
  role: Role;
}
