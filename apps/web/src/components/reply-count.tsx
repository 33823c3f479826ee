/**
 * A thread's reply count beside it in a list: a big number over its word. Screen readers read it as one phrase from
 * the hidden text; an aria-label would not do, as many of them ignore one on an element without a role.
 */
export function ReplyCount({ count }: { count: number }) {
  const word = count === 1 ? 'reply' : 'replies';
  return (
    <div className="thread-item__count">
      <strong aria-hidden="true">{count}</strong>
      <span aria-hidden="true">{word}</span>
      <span className="visually-hidden">
        {count} {word}
      </span>
    </div>
  );
}
