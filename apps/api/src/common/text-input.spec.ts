import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { cleanInput, cleanText } from './text-input.js';

describe('cleanText', () => {
  it('refuses NUL and other control characters, naming the field', () => {
    expect(() => cleanText('a\u0000b', 'title')).toThrow(AppError);
    expect(() => cleanText('a\u001bb', 'title')).toThrow('title: must not contain control characters');
  });

  it('keeps tabs and line breaks', () => {
    expect(cleanText('line one\r\n\tline two', 'body')).toBe('line one\r\n\tline two');
  });

  it('refuses lone surrogates but keeps pairs', () => {
    expect(() => cleanText('a\ud800@example.com', 'email')).toThrow('email: must be valid Unicode text');
    expect(cleanText('thumbs 👍', 'body')).toBe('thumbs 👍');
  });

  it('removes zero-width spaces and bidirectional overrides, so invisible text is empty', () => {
    expect(cleanText('\u200b\u200b\u2060\ufeff', 'title')).toBe('');
    expect(cleanText('\u200d\u200d\u200d', 'title')).toBe('');
    expect(cleanText('Invoice \u202egnp.exe\u202c', 'title')).toBe('Invoice gnp.exe');
  });

  it('removes format characters at either end, astral ones too, and keeps them inside', () => {
    expect(cleanText('\u00ad\u200eso\u00adft\u00ad\u00ad\u{e0001}', 'title')).toBe('so\u00adft');
    expect(cleanText('\u00ad'.repeat(5), 'title')).toBe('');
  });

  it('breaks a run of more than 30 combining marks with a grapheme joiner every 30, as the stream-safe format does, once', () => {
    const cleaned = cleanText(`a${'\u0301'.repeat(70)}b`, 'body');
    expect(cleaned).toBe(`a${'\u0301'.repeat(30)}\u034f${'\u0301'.repeat(30)}\u034f${'\u0301'.repeat(10)}b`.normalize('NFC'));
    expect(cleanText(cleaned, 'body')).toBe(cleaned);
    expect(cleanText(`a${'\u0301'.repeat(30)}`, 'body')).toBe(`a${'\u0301'.repeat(30)}`.normalize('NFC'));
  });

  it('keeps a single joiner inside an emoji sequence and normalises to NFC', () => {
    expect(cleanText('👩\u200d\u200d\u200d💻', 'body')).toBe('👩\u200d💻');
    expect(cleanText('cafe\u0301', 'title')).toBe('café');
  });
});

describe('cleanInput', () => {
  it('cleans every string of an input object and its lists, but never a password', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, {
      title: 'a\u200bb',
      tags: ['x\u202e'],
      password: ' \u200b secret ',
    });
    expect(cleanInput(input, 'input')).toEqual({ title: 'ab', tags: ['x'], password: ' \u200b secret ' });
  });

  it('names nested fields as validation errors do', () => {
    expect(() => cleanInput({ filter: { tag: 'a\u0000' } }, 'args')).toThrow('filter.tag: must not contain control characters');
    expect(() => cleanInput('1\u0000', 'threadId')).toThrow('threadId: must not contain control characters');
  });
});
