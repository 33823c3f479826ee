/** Punctuation GFM drops from the end of a bare web address, and `)`, dropped when it closes no `(` of the address. */
const trailing = new Set('?!.,:;*_\'"~)');
/** What marked's trim reads as address text, a run at a time: neither trailing punctuation nor `(` or `&`. */
const plain = (char: string) => !trailing.has(char) && char !== '(' && char !== '&';
const alphanumeric = /[a-zA-Z0-9]/;

/**
 * How much of a bare web address marked's GFM url rule found (`https://…` or `www.…`, up to a space or `<`) is the
 * link. marked decides it by matching its `_backpedal` expression against the address again and again, each round
 * dropping what the expression leaves at the end: trailing punctuation (`?!.,:;*_'"~`), a `)` that closes no `(`, an
 * entity-like `&name;`, or a `(` that no `)` closes and all after it. One character per round, each round reading the
 * whole address: 20,000 `*` after an address took a third of a second of the event loop, and any visitor can ask for
 * a preview. This is the same rounds' result, found in time linear in the address's length.
 *
 * A round reads the address as marked's expression does, a token at a time (a run of plain text, a `(` with all up to
 * the first `)`, an `&`, a run of trailing punctuation) and stops where no token fits: at a `(` with no `)` before the
 * end, at an `&name;` that reaches the end, or at the last character of a punctuation run that reaches the end. The
 * next round reads a shorter address. What only depends on the characters before a token does not change with the
 * end, so a round starts again from the last token before anything the new end can change (that `&`, the punctuation
 * run at the end), and a run of punctuation at the end, which would take a round per character, loses all but its
 * first character at once.
 */
export function autolinkEnd(address: string): number {
  const length = address.length;
  // The first `)` at or after each index.
  const closing = new Int32Array(length + 1).fill(length);
  for (let index = length - 1; index >= 0; index--) closing[index] = address[index] === ')' ? index : closing[index + 1]!;
  // Where the run of trailing punctuation ending at each index starts, and the run of letters and digits.
  const punctuationFrom = new Int32Array(length + 1);
  const alphanumericFrom = new Int32Array(length + 1);
  for (let index = 0; index < length; index++) {
    punctuationFrom[index + 1] = trailing.has(address[index]!) ? punctuationFrom[index]! : index + 1;
    alphanumericFrom[index + 1] = alphanumeric.test(address[index]!) ? alphanumericFrom[index]! : index + 1;
  }
  /** The `&` of an `&name;` that ends the address at `end`, or -1. */
  const entityAt = (end: number) => {
    if (end < 3 || address[end - 1] !== ';') return -1;
    const name = alphanumericFrom[end - 1]!;
    return name < end - 1 && address[name - 1] === '&' ? name - 1 : -1;
  };

  // Where the tokens of the last round started; the last one is where it stopped.
  const starts = [0];
  let end = length;
  for (;;) {
    const firstChanged = Math.min(punctuationFrom[end]!, entityAt(end) === -1 ? end : entityAt(end));
    while (starts.length > 1 && starts.at(-1)! > firstChanged) starts.pop();
    let at = starts.at(-1)!;
    let stop = end;
    while (at < end) {
      const char = address[at]!;
      let next: number;
      if (plain(char)) {
        next = at + 1;
        while (next < end && plain(address[next]!)) next++;
      } else if (char === '(') {
        if (closing[at + 1]! >= end) break;
        next = closing[at + 1]! + 1;
      } else if (char === '&') {
        if (entityAt(end) === at) break;
        next = at + 1;
      } else if (punctuationFrom[end]! <= at) {
        // Punctuation from here to the end: each round would drop its last character (no `&name;` ends the address
        // while two or more are left), so all but its first go at once.
        stop = Math.min(end - 1, at + 1);
        break;
      } else {
        next = at + 1;
        while (trailing.has(address[next]!)) next++;
      }
      at = next;
      starts.push(at);
    }
    if (stop === end) stop = at;
    if (stop === end) return end;
    end = stop;
  }
}
