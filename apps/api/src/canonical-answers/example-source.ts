import { registerEnumType } from '@nestjs/graphql';

/** Where an example question of a canonical answer came from. */
export enum ExampleSource {
  /** Shipped with the built-in knowledge base. */
  SEED = 'SEED',
  /** Added by a staff member. */
  STAFF = 'STAFF',
  /** A question whose bot answer the asker or a staff member confirmed. */
  CONFIRMED = 'CONFIRMED',
  /** A question a staff member re-assigned to this answer after the bot picked another. */
  CORRECTED = 'CORRECTED',
  /** A question a staff member dismissed: an example of none of the answers. */
  DISMISSED = 'DISMISSED',
}

registerEnumType(ExampleSource, { name: 'ExampleSource', description: 'Where an example question came from.' });
