import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fullDate } from '../../../lib/format-time';
import { EditedMarker } from './revision-history';

afterEach(cleanup);

describe('EditedMarker', () => {
  it('names its button for what it does and when the post was edited', () => {
    const editedAt = '2024-06-15T12:00:00.000Z';
    render(
      <MockedProvider mocks={[]}>
        <EditedMarker postType="REPLY" postId="r1" editedAt={editedAt} />
      </MockedProvider>,
    );
    expect(screen.getByRole('button', { name: `edited ${fullDate(editedAt)}, show history` }).textContent).toBe('edited');
  });

  it('still says what it does when the time of the edit is not known', () => {
    render(
      <MockedProvider mocks={[]}>
        <EditedMarker postType="THREAD" postId="t1" editedAt={null} />
      </MockedProvider>,
    );
    expect(screen.getByRole('button', { name: 'edited, show history' })).toBeTruthy();
  });
});
