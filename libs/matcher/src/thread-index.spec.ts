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

  it('reuses the slots of edited threads, and finds each thread by its latest text only', () => {
    const texts = [
      { title: 'Printing the QR code', body: 'A paper copy of the setup code in a drawer' },
      { title: 'Autofill broken again', body: 'Safari does not fill my passwords any more' },
    ];
    for (let edit = 0; edit < 2000; edit++) sut.upsert({ id: 'edited', ...texts[edit % 2]!, solved: false });

    expect(sut.slotCount).toBeLessThan(100);
    expect(sut.size).toBe(5);
    const latest = sut.similar({ title: 'safari autofill passwords' }).map((thread) => thread.id);
    expect(latest.slice(0, 2).sort()).toEqual(['autofill', 'edited']);
    expect(sut.similar({ title: 'print the QR code paper copy' }).map((thread) => thread.id)).not.toContain('edited');
  });

  it('scores as an index built afresh from the same threads after many edits and removals', () => {
    const words = ['phone', 'code', 'backup', 'print', 'paper', 'sign', 'locked', 'device', 'support', 'scan', 'app', 'new'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    const phrase = (length: number) => Array.from({ length }, () => words[random(words.length)]).join(' ');
    const edited = new ThreadIndex();
    const current = new Map<string, { title: string; body: string; solved: boolean }>();
    for (let step = 0; step < 3000; step++) {
      const id = `t${random(40)}`;
      if (random(5) === 0) {
        edited.remove(id);
        current.delete(id);
      } else {
        const thread = { title: phrase(1 + random(4)), body: phrase(random(12)), solved: random(2) === 0 };
        edited.upsert({ id, ...thread });
        current.set(id, thread);
      }
    }
    const fresh = new ThreadIndex();
    for (const [id, thread] of current) fresh.upsert({ id, ...thread });

    const byId = (results: { id: string; score: number }[]) =>
      Object.fromEntries(results.map((thread) => [thread.id, thread.score.toFixed(9)]));
    for (let query = 0; query < 50; query++) {
      const input = { title: phrase(3), body: phrase(4) };
      expect(byId(edited.similar(input, { limit: 50 }))).toEqual(byId(fresh.similar(input, { limit: 50 })));
    }
    expect(edited.slotCount).toBeLessThan(200);
  });

  it('returns nothing for an empty index or unknown words', () => {
    expect(new ThreadIndex().similar({ title: 'anything' })).toEqual([]);
    expect(sut.similar({ title: 'zyxwv qwerty' })).toEqual([]);
  });
});
