import { registerEnumType } from '@nestjs/graphql';

/** Where an example question of a canonical answer came from. */
export enum ExampleSource {
  SEED = 'SEED',
  STAFF = 'STAFF',
  CONFIRMED = 'CONFIRMED',
  CORRECTED = 'CORRECTED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ExampleSource, {
  name: 'ExampleSource',
  description: 'Where an example question came from.',
  valuesMap: {
    SEED: { description: 'Shipped with the built-in knowledge base.' },
    STAFF: { description: 'Added by a staff member.' },
    CONFIRMED: { description: 'A question whose bot answer the asker or a staff member confirmed.' },
    CORRECTED: { description: 'A question a staff member re-assigned to this answer after the bot picked another.' },
    DISMISSED: { description: 'A question a staff member dismissed: an example of none of the answers.' },
  },
});
