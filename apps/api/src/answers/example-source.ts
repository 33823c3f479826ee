import { registerEnumType } from '@nestjs/graphql';

/** Where an example question of a canonical answer came from. */
export enum ExampleSource {
  /** Shipped with the built-in knowledge base. */
  Seed = 'SEED',
  /** Added by a staff member. */
  Staff = 'STAFF',
  /** A question whose bot answer the asker or a staff member confirmed. */
  Confirmed = 'CONFIRMED',
  /** A question a staff member re-assigned to this answer after the bot picked another. */
  Corrected = 'CORRECTED',
}

registerEnumType(ExampleSource, { name: 'ExampleSource', description: 'Where an example question came from.' });
