import { describe, expect, it } from 'vitest';
import { botAnswerReply, botClarifyReply, excerpt, staffDraft } from './bot-text.js';

const answer = {
  slug: 'save-qr-code',
  title: 'Keep a copy of your authenticator',
  body: 'Hi there!\n\nThe best backup is a **second copy**:\n\n- Save the [QR code](https://example.test/qr).\n- Scan it twice.\n\nHope that helps!',
};

describe('excerpt', () => {
  it('drops the greeting and the markdown', () => {
    const sut = excerpt;
    expect(sut(answer.body)).toBe('The best backup is a second copy: Save the QR code. Scan it twice. Hope that helps!');
  });

  it('cuts long text at a word and marks the cut', () => {
    const sut = excerpt;
    const result = sut('word '.repeat(100), 50);
    expect(result.length).toBeLessThanOrEqual(50);
    expect(result).toMatch(/word…$/);
  });
});

describe('bot replies', () => {
  it('say they are automated and link the canonical answer', () => {
    const sut = botAnswerReply(answer);
    expect(sut).toContain(answer.body);
    expect(sut).toContain('[Keep a copy of your authenticator](/answers/save-qr-code)');
    expect(sut).toMatch(/automated/);
  });

  it('ask the clarifying question with both choices', () => {
    const sut = botClarifyReply(
      {
        question: 'Are you still signed in somewhere?',
        choices: [
          { slug: 'a-slug', label: 'Yes' },
          { slug: 'b-slug', label: 'No' },
        ],
      },
      new Map([['a-slug', 'Answer A']]),
    );
    expect(sut).toContain('**Are you still signed in somewhere?**');
    expect(sut).toContain('- **Yes** (Answer A)');
    expect(sut).toContain('- **No**');
    expect(sut).toMatch(/automated/);
  });

  it('greet the asker by name in a staff draft', () => {
    const sut = staffDraft(answer, 'ap236');
    expect(sut.startsWith('Hi there @ap236!')).toBe(true);
    expect(sut).toContain('(/answers/save-qr-code)');
  });
});
