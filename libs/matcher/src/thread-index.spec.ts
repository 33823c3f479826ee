import { beforeEach, describe, expect, it } from 'vitest';
import { ThreadIndex } from './thread-index.js';

describe('ThreadIndex', () => {
  let sut: ThreadIndex;
  beforeEach(() => {
    sut = new ThreadIndex();
    sut.upsert({
      id: 'qr-open',
      title: 'Printing the QR code for two-factor',
      body: 'Is a paper copy of the QR code safe?',
      solved: false,
    });
    sut.upsert({ id: 'qr-solved', title: 'Printing the QR code for 2FA', body: 'Is a paper copy of the QR code safe?', solved: true });
    sut.upsert({ id: 'billing', title: 'Charged twice', body: 'My card was charged two times this month', solved: true });
    sut.upsert({ id: 'autofill', title: 'Autofill broken', body: 'Safari does not fill my passwords', solved: false });
  });

  it('finds threads on the same subject, synonyms included, and ranks solved first among equals', () => {
    const results = sut.similar({ title: 'Can I print my two factor QR code?' });
    expect(results.map((thread) => thread.id).slice(0, 2)).toEqual(['qr-solved', 'qr-open']);
    expect(results.map((thread) => thread.id)).not.toContain('billing');
    for (const thread of results) {
      expect(thread.score).toBeGreaterThan(0);
      expect(thread.score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a clearly better unsolved thread above a weak solved one', () => {
    const results = sut.similar({ body: 'autofill in safari does not fill passwords' });
    expect(results[0]?.id).toBe('autofill');
  });

  it('honours excludeId and limit', () => {
    const results = sut.similar({ title: 'QR code paper copy' }, { excludeId: 'qr-solved', limit: 1 });
    expect(results.map((thread) => thread.id)).toEqual(['qr-open']);
  });

  it('forgets removed threads and replaces upserted ones', () => {
    sut.remove('qr-solved');
    sut.upsert({ id: 'qr-open', title: 'Dark mode', body: 'The theme is too bright', solved: false });
    expect(sut.similar({ title: 'print the QR code' })).toEqual([]);
    expect(sut.size).toBe(3);
  });

  it('forgets the terms no thread holds any more, and finds the ones reused afterwards', () => {
    const before = sut.termCount;
    for (let edit = 0; edit < 50; edit++) {
      const madeUp = Array.from({ length: 20 }, (_, word) => `zq${edit}x${word}`).join(' ');
      sut.upsert({ id: 'edited', title: `Edit ${edit}`, body: madeUp, solved: false });
    }
    sut.remove('edited');
    expect(sut.termCount).toBe(before);
    sut.upsert({ id: 'later', title: 'Printing the QR code again', body: 'A second paper copy.', solved: true });
    expect(sut.similar({ title: 'print QR code', body: '' }).map((thread) => thread.id)).toContain('later');
  });

  it('returns nothing for an empty index or unknown words', () => {
    expect(new ThreadIndex().similar({ title: 'anything' })).toEqual([]);
    expect(sut.similar({ title: 'zyxwv qwerty' })).toEqual([]);
  });
});
