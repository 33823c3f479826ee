import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LearnedExamplesDocument, RemoveLearnedExampleDocument } from '../api/bot-review-documents';
import { LearnedExamples } from './learned-examples';

afterEach(cleanup);

const dismissed = {
  __typename: 'LearnedExample',
  id: 'none-1',
  text: 'Where do I keep the recovery codes of my photo service?',
  source: 'DISMISSED',
  answerSlug: null,
  answerTitle: null,
  threadId: '7',
  decidedAt: '2026-01-02T10:00:00.000Z',
  decidedBy: { __typename: 'User', id: '3', username: 'grey' },
};
const confirmed = {
  ...dismissed,
  id: 'answer-4',
  text: 'Can I print the setup QR code?',
  source: 'CONFIRMED',
  answerSlug: 'save-qr-code',
  answerTitle: 'Keep a copy of your authenticator',
  threadId: '8',
};

const listMock = (examples: object[]): MockLink.MockedResponse => ({
  request: { query: LearnedExamplesDocument, variables: { first: 100 } },
  result: { data: { learnedExamples: examples } },
});

function renderList(mocks: MockLink.MockedResponse[]) {
  render(
    <MemoryRouter>
      <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
        <LearnedExamples />
      </MockedProvider>
    </MemoryRouter>,
  );
}

describe('LearnedExamples', () => {
  it('shows each learned question with the decision, who made it and the answer it teaches', async () => {
    renderList([listMock([dismissed, confirmed])]);
    await screen.findByText(dismissed.text);
    expect(screen.getByText('Dismissed: none of our answers')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Keep a copy of your authenticator' }).getAttribute('href')).toBe(
      '/staff/answers/save-qr-code',
    );
    expect(screen.getAllByText(/grey/)).toHaveLength(2);
  });

  it('forgets an example and shows the list without it', async () => {
    renderList([
      listMock([dismissed, confirmed]),
      { request: { query: RemoveLearnedExampleDocument, variables: { id: 'none-1' } }, result: { data: { removeLearnedExample: true } } },
      listMock([confirmed]),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Forget: ${dismissed.text}` }));
    await waitFor(() => expect(screen.queryByText(dismissed.text)).toBeNull());
    expect(screen.getByText(confirmed.text)).toBeTruthy();
  });

  it('says when nothing was learned yet', async () => {
    renderList([listMock([])]);
    expect(await screen.findByText('Nothing learned yet.')).toBeTruthy();
  });
});
