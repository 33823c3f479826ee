import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../common/role.js';

@ObjectType('User', { description: 'A forum member as others see them.' })
export class User {
  @Field(() => ID, { description: "The user's id." })
  id: string;

  @Field({ description: 'The name shown on posts, unique regardless of case.' })
  username: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role: Role;

  @Field({ description: 'Staff or admin: their replies are staff answers.' })
  isStaff: boolean;

  @Field({ description: 'The automated FAQ bot.' })
  isBot: boolean;

  @Field({ description: 'When the account was made.' })
  createdAt: Date;
}
