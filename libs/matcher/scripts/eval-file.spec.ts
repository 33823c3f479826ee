import { describe, expect, it } from 'vitest';
import { sourceGroup } from './eval-file.js';

describe('sourceGroup', () => {
  it('puts every issue of one GitHub owner in one group, whichever repository it is in', () => {
    const groups = ['acme/clients#10', 'acme/clients#4130', 'Acme/web#7'].map((source) => sourceGroup({ id: 'x', source }));
    expect(new Set(groups)).toEqual(new Set(['owner:acme']));
    expect(sourceGroup({ id: 'x', source: 'other/clients#10' })).not.toBe(groups[0]);
  });

  it('groups web pages by site, with or without www', () => {
    expect(sourceGroup({ id: 'x', source: 'https://www.forum.example/t/one/1' })).toBe('site:forum.example');
    expect(sourceGroup({ id: 'y', source: 'https://forum.example/t/two/2?page=3' })).toBe('site:forum.example');
    expect(sourceGroup({ id: 'z', source: 'https://help.example/t/two/2' })).toBe('site:help.example');
  });

  it('keeps a question without a source on its own', () => {
    expect(sourceGroup({ id: 'q1', source: null })).not.toBe(sourceGroup({ id: 'q2', source: '' }));
  });
});
