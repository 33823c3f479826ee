import { length as hasLength } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { countedLength } from './index.js';

describe('countedLength', () => {
  it.each(['plain text', 'emoji 🔐 and ✔️ marks', '👍🏽 skin tone', 'é composed and e\u0301 decomposed', ''])(
    'counts %j as the API validation does',
    (text) => {
      const length = countedLength(text);
      expect(hasLength(text, length, length)).toBe(true);
      expect(hasLength(text, length + 1)).toBe(false);
    },
  );
});
