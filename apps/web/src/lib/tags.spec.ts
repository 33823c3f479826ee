import { describe, expect, it } from 'vitest';
import { splitTags } from './tags';

describe('splitTags', () => {
  it('splits on commas and whitespace, lower-cases, drops a leading # and duplicates', () => {
    expect(splitTags('Backup-Codes, totp  recovery,#TOTP,, ')).toEqual(['backup-codes', 'totp', 'recovery']);
  });

  it('is empty for an empty or blank field', () => {
    expect(splitTags('')).toEqual([]);
    expect(splitTags(' , ')).toEqual([]);
  });
});
