import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { UserProfileDocument } from '../api/user-documents';
import { UserProfileHeader } from './user-profile';

afterEach(cleanup);

describe('UserProfileHeader', () => {
  it('says since when the member is here as a day, without the time of day', async () => {
    const user = { __typename: 'User', id: 'u1', username: 'mira_k', isStaff: false, isBot: false, createdAt: '2024-06-15T12:00:00.000Z' };
    render(
      <MockedProvider
        mocks={[{ request: { query: UserProfileDocument, variables: { username: 'mira_k' } }, result: { data: { user } } }]}
        mockLinkDefaultOptions={{ delay: 0 }}
      >
        <MemoryRouter>
          <UserProfileHeader username="mira_k" />
        </MemoryRouter>
      </MockedProvider>,
    );
    expect((await screen.findByText(/^Member since/)).textContent).toBe('Member since June 15, 2024');
  });
});
