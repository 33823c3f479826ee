import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('BotClarificationChoice', { description: 'One answer the asker can pick in reply to the bot question.' })
export class BotClarificationChoice {
  @Field({ description: 'Pass to chooseClarification.' })
  slug: string;

  @Field({ description: 'What the asker reads on the choice.' })
  label: string;
}

@ObjectType('BotClarification', { description: 'A question the bot asks when two canonical answers fit equally.' })
export class BotClarification {
  @Field({ description: 'The question the bot asks the asker.' })
  question: string;

  @Field(() => [BotClarificationChoice], { description: 'Exactly two.' })
  choices: BotClarificationChoice[];
}
