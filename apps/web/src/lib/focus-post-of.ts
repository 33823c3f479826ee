/**
 * Once what was pressed inside a post is gone (a choice made, a question answered), keyboard focus moves on to that
 * post, instead of falling to <body> and sending the person back to the top of the page. Call it with the pressed
 * element before the change, and the returned function after it.
 */
export function focusPostOf(pressed: Element): () => void {
  const post = pressed.closest<HTMLElement>('li.post');
  return () =>
    requestAnimationFrame(() => {
      if (!post?.isConnected) return;
      const active = document.activeElement;
      if (active === null || active === document.body || post.contains(active)) post.focus({ preventScroll: true });
    });
}
