import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetSessionDrafts, useHasSessionDraft, useSessionDraft } from './session-draft';
import { useViewer, type ViewerUser } from './viewer';

vi.mock('./viewer', () => ({ useViewer: vi.fn() }));

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function signedIn(id: string | null) {
  vi.mocked(useViewer).mockReturnValue({
    viewer: id === null ? null : ({ id } as ViewerUser),
    loading: false,
    signedOutElsewhere: false,
    sessionsEnded: 0,
    dismissSignedOutElsewhere: () => undefined,
  });
}

const empty = { body: '' };

function ReplyBox() {
  const [draft, setDraft] = useSessionDraft('reply-draft:7', empty);
  const kept = useHasSessionDraft('reply-draft:7');
  return (
    <>
      <textarea aria-label="Reply" value={draft.body} onChange={(event) => setDraft({ body: event.target.value })} />
      {kept ? <p>Kept</p> : null}
    </>
  );
}

const reply = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
const type = (text: string) => fireEvent.change(reply(), { target: { value: text } });
const keptTexts = () => Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key));

describe('useSessionDraft', () => {
  it('shows a draft only to the member who wrote it, also when someone else signs in while the form shows', () => {
    signedIn('1');
    const { rerender } = render(<ReplyBox />);
    type('Mine, half written');

    signedIn('2');
    rerender(<ReplyBox />);
    expect(reply().value).toBe('');
    expect(screen.queryByText('Kept')).toBeNull();
    type('Theirs');
    expect(keptTexts().filter((text) => text?.includes('Mine'))).toHaveLength(1);

    signedIn('1');
    rerender(<ReplyBox />);
    expect(reply().value).toBe('Mine, half written');
    expect(screen.queryByText('Kept')).not.toBeNull();
  });

  it('keeps nothing for a visitor', () => {
    signedIn(null);
    render(<ReplyBox />);
    type('Typed before anyone signed in');
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByText('Kept')).toBeNull();
  });
});

describe('forgetSessionDrafts', () => {
  function draftsOf(...ids: string[]) {
    for (const id of ids) {
      signedIn(id);
      render(<ReplyBox />);
      type(`Draft of ${id}`);
      cleanup();
    }
  }

  it('forgets the drafts of everyone but the member signed in, and nothing of the tab that is not a draft', () => {
    draftsOf('1', '2', '12');
    sessionStorage.setItem('twofa-forum:not-a-draft', 'kept');
    forgetSessionDrafts({ except: '1' });
    expect(keptTexts().sort()).toEqual(['kept', JSON.stringify({ body: 'Draft of 1' })]);

    forgetSessionDrafts();
    expect(keptTexts()).toEqual(['kept']);
  });
});
