import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { PopularTagsDocument } from '../api/thread-list-documents';
import { PopularTags } from './popular-tags';

afterEach(cleanup);

const tagsMock = (tags: { tag: string; threadCount: number }[]): MockLink.MockedResponse => ({
  request: { query: PopularTagsDocument, variables: { first: 20 } },
  result: { data: { tags: tags.map((entry) => ({ __typename: 'TagCount', ...entry })) } },
});

const hrefFor = (tag: string | null) => (tag ? `?tab=unanswered&tag=${tag}` : '?tab=unanswered');

function renderTags(tag: string | null, mocks: MockLink.MockedResponse[]) {
  render(
    <MemoryRouter>
      <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
        <PopularTags tag={tag} hrefFor={hrefFor} />
      </MockedProvider>
    </MemoryRouter>,
  );
}

const chips = () =>
  within(screen.getByRole('navigation', { name: 'Filter by tag' }))
    .getAllByRole('link')
    .map((link) => ({
      name: link.getAttribute('aria-label') ?? link.textContent,
      href: link.getAttribute('href'),
      current: link.getAttribute('aria-current'),
    }));

/** happy-dom has no layout: the accessible name gains spaces around the chip's inline spans that a browser does not add. */
const named = (expected: string) => (name: string) => name.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim() === expected;

describe('PopularTags', () => {
  it('shows the most used tags with their counts, in the order the server gave, linking to the filtered list', async () => {
    renderTags(null, [
      tagsMock([
        { tag: 'backup-codes', threadCount: 12 },
        { tag: 'totp', threadCount: 1 },
      ]),
    ]);
    await screen.findByRole('navigation', { name: 'Filter by tag' });
    expect(chips()).toEqual([
      { name: 'All tags', href: '/?tab=unanswered', current: 'page' },
      { name: 'backup-codes, 12 questions', href: '/?tab=unanswered&tag=backup-codes', current: null },
      { name: 'totp, 1 question', href: '/?tab=unanswered&tag=totp', current: null },
    ]);
  });

  it('marks the active tag, and keeps it first when it is not among the popular ones', async () => {
    renderTags('yubikey', [tagsMock([{ tag: 'backup-codes', threadCount: 12 }])]);
    await screen.findByRole('link', { name: named('backup-codes, 12 questions') });
    expect(chips()).toEqual([
      { name: 'All tags', href: '/?tab=unanswered', current: null },
      { name: 'yubikey', href: '/?tab=unanswered&tag=yubikey', current: 'page' },
      { name: 'backup-codes, 12 questions', href: '/?tab=unanswered&tag=backup-codes', current: null },
    ]);
  });

  it('shows nothing when no thread has a tag', async () => {
    renderTags(null, [tagsMock([])]);
    expect(document.querySelector('.tag-chips--loading')).not.toBeNull();
    await waitFor(() => expect(document.querySelector('.tag-chips--loading')).toBeNull());
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says when the tags could not be loaded and tries again', async () => {
    renderTags(null, [
      { request: { query: PopularTagsDocument, variables: { first: 20 } }, error: new Error('Failed to fetch') },
      tagsMock([{ tag: 'totp', threadCount: 3 }]),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: named('totp, 3 questions') })).toBeTruthy();
  });
});
