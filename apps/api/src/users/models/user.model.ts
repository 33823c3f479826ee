import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../common/role.js';

@ObjectType('User', { description: 'A forum member as others see them.' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'Staff or admin: their replies are staff answers.' })
  isStaff: boolean;

  @Field({ description: 'The automated FAQ bot.' })
  isBot: boolean;

  @Field()
  createdAt: Date;
}
