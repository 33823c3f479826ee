import { describe, expect, it } from 'vitest';
import { withoutSuggestions } from './format-graphql-error.js';

describe('withoutSuggestions', () => {
  const cut = (message: string) => withoutSuggestions({ message }).message;

  it("cuts graphql-js's suggestions of field, type and enum value names", () => {
    expect(cut('Cannot query field "healt" on type "Query". Did you mean "health"?')).toBe('Cannot query field "healt" on type "Query".');
    expect(cut('Value "X" does not exist in "ThreadSort" enum. Did you mean the enum value "NEWEST"?')).toBe(
      'Value "X" does not exist in "ThreadSort" enum.',
    );
    expect(cut('Did you mean "a"?')).toBe('');
  });

  it('cuts only from the first suggestion on the last line, and only from a message ending in "?"', () => {
    expect(cut('first line Did you mean "a"?\nsecond Did you mean "b" or Did you mean "c"?')).toBe('first line Did you mean "a"?\nsecond');
    expect(cut('Did you mean "a"? and more')).toBe('Did you mean "a"? and more');
    expect(cut('Did you mean ?')).toBe('Did you mean ?');
  });
});
