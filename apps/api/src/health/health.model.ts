import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Liveness of the API process.' })
export class Health {
  @Field()
  status: string;

  @Field()
  time: Date;
}
