import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { BotStaffNote } from './bot-staff-note';
import type { BotSuggestionDetails, ThreadSettled } from './use-bot-suggestion';

afterEach(cleanup);

function renderNote(overrides: Partial<BotSuggestionDetails>, thread: { settled?: ThreadSettled; unreplied?: boolean } = {}) {
  const suggestion: BotSuggestionDetails = {
    id: 's1',
    threadId: 't1',
    status: 'ANSWERED',
    confidence: 0.874,
    folded: false,
    usefulVotes: 0,
    replyId: 'r1',
    feedback: null,
    createdAt: '2024-06-15T12:00:00.000Z',
    decidedAt: null,
    clarify: null,
    answer: { id: 'a1', slug: 'lost-backup-codes', title: 'Lost backup codes' },
    ...overrides,
  };
  render(
    <MemoryRouter>
      <BotStaffNote suggestion={suggestion} settled={thread.settled ?? null} unreplied={thread.unreplied ?? true} />
    </MemoryRouter>,
  );
}

const reviewQueueLink = () => screen.queryByRole('link', { name: 'Open the review queue' });

describe('BotStaffNote', () => {
  it.each([
    ['PENDING_REVIEW', '/staff'],
    ['UNHELPFUL', '/staff?queue=UNHELPFUL'],
    ['NO_MATCH', '/staff?queue=NO_SUGGESTION'],
    ['DISMISSED', '/staff?queue=DISMISSED'],
  ] as const)('sends staff to the queue a %s suggestion waits in', (status, path) => {
    renderNote({ status });
    expect(reviewQueueLink()?.getAttribute('href')).toBe(path);
  });

  it.each(['ANSWERED', 'CLARIFYING', 'CONFIRMED_BY_ASKER', 'CONFIRMED_BY_STAFF', 'CORRECTED'] as const)(
    'has nothing for staff to do when the suggestion is %s',
    (status) => {
      renderNote({ status });
      expect(reviewQueueLink()).toBeNull();
    },
  );

  it.each([
    ['PENDING_REVIEW', 'accepted', 'An answer has been accepted.'],
    ['UNHELPFUL', 'staff-replied', 'A staff member has replied below.'],
    ['DISMISSED', 'locked', 'This thread is locked.'],
    ['NO_MATCH', 'accepted', 'An answer has been accepted.'],
  ] as const)('no longer sends staff to a queue once a %s question is settled (%s)', (status, settled, sentence) => {
    renderNote({ status }, { settled });
    expect(reviewQueueLink()).toBeNull();
    expect(screen.getByText(new RegExp(`${sentence} It no longer waits in a staff queue\\.`))).toBeTruthy();
    expect(screen.queryByText(/waits for staff/)).toBeNull();
  });

  it('no longer sends staff to "Without an answer" once someone replied to a question the bot found nothing for', () => {
    renderNote({ status: 'NO_MATCH', answer: null }, { unreplied: false });
    expect(reviewQueueLink()).toBeNull();
    expect(screen.getByText(/Someone has replied\. It no longer waits in a staff queue\./)).toBeTruthy();
  });

  it('says the question waits for staff while it does', () => {
    renderNote({ status: 'PENDING_REVIEW' });
    expect(screen.getByText(/The question waits for staff in a review queue\./)).toBeTruthy();
  });

  it('names the matched answer and how sure the bot was, as a whole percentage', () => {
    renderNote({ status: 'PENDING_REVIEW' });
    expect(screen.getByRole('link', { name: 'Lost backup codes' }).getAttribute('href')).toBe('/answers/lost-backup-codes');
    expect(screen.getByText(/\(87% sure\)/)).toBeTruthy();
  });

  it('gives no confidence in the answer staff corrected it to, only in what the bot itself had made of the question', () => {
    renderNote({ status: 'CORRECTED' });
    expect(screen.queryByText(/\(87% sure\)/)).toBeNull();
    expect(screen.getByText(/The bot was 87% sure of its own best guess\./)).toBeTruthy();
    cleanup();
    renderNote({ status: 'CORRECTED', clarify: { question: 'Are you still signed in?', choices: [] } });
    expect(screen.getByText(/The bot was 87% sure that one of the two cases it asked about fits\./)).toBeTruthy();
  });

  it('gives no confidence in the answer the asker picked after a clarifying question, only in the two cases asked about', () => {
    const clarify = { question: 'Are you still signed in?', choices: [] };
    for (const status of ['ANSWERED', 'CONFIRMED_BY_ASKER', 'UNHELPFUL'] as const) {
      renderNote({ status, clarify });
      expect(screen.queryByText(/\(87% sure\)/), status).toBeNull();
      expect(
        screen.getByText(/The asker picked it of the two cases the bot asked about; the bot was 87% sure that one of them fits\./),
        status,
      ).toBeTruthy();
      cleanup();
    }
    renderNote({ status: 'CLARIFYING', clarify, answer: null });
    expect(screen.queryByText(/asker picked/)).toBeNull();
  });

  it('says so when no answer matched', () => {
    renderNote({ status: 'NO_MATCH', answer: null, confidence: 0.1 });
    expect(screen.getByText(/found no canonical answer that fits/)).toBeTruthy();
    expect(screen.queryByText(/% sure/)).toBeNull();
  });
});
