import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@ArgsType()
export class CanonicalAnswersArgs {
  @Field({ defaultValue: false, description: 'Also list retired answers.' })
  @IsBoolean()
  includeRetired: boolean = false;
}
