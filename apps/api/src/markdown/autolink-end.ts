/** Punctuation GFM drops from the end of a bare web address, and `)`, dropped when it closes no `(` of the address. */
const trailing = new Set('?!.,:;*_\'"~)');
/** What marked's trim reads as address text, a run at a time: neither trailing punctuation nor `(` or `&`. */
const plain = (char: string) => !trailing.has(char) && char !== '(' && char !== '&';
const alphanumeric = /[a-zA-Z0-9]/;

/**
 * The bare web addresses of one inline source: how much of each that marked's GFM url rule finds (`https://…` or
 * `www.…`, up to a space or `<`) is the link. marked decides it by matching its `_backpedal` expression against the address again and again, each round
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
 *
 * What it reads of the source (where each run without a space ends, the tables below) it reads once for all the
 * addresses in it: a run of thousands of characters can hold hundreds of addresses (`(www.` repeated), and reading the
 * run's rest for each took half a second.
 */
export class BareAddresses {
  private tables: { closing: Int32Array; punctuationFrom: Int32Array; alphanumericFrom: Int32Array } | null = null;
  private runStart = -1;
  private runEnd = -1;

  constructor(readonly source: string) {}

  /** Where the address starting at `start` ends for marked's rule: at the first space or `<` from there. */
  candidateEnd(start: number): number {
    if (start < this.runStart || start >= this.runEnd) {
      spaceOrAngle.lastIndex = start;
      this.runStart = start;
      this.runEnd = spaceOrAngle.exec(this.source)?.index ?? this.source.length;
    }
    return this.runEnd;
  }

  /** Where the link of the address from `start` to `candidateEnd` ends: marked's rounds' result. */
  linkEnd(start: number, candidateEnd: number): number {
    const source = this.source;
    const { closing, punctuationFrom, alphanumericFrom } = (this.tables ??= tablesOf(source));
    /** The `&` of an `&name;` of the address that ends it at `end`, or -1. */
    const entityAt = (end: number) => {
      if (source[end - 1] !== ';') return -1;
      const name = alphanumericFrom[end - 1]!;
      return name < end - 1 && name - 1 >= start && source[name - 1] === '&' ? name - 1 : -1;
    };

    // Where the tokens of the last round started; the last one is where it stopped.
    const starts = [start];
    let end = candidateEnd;
    for (;;) {
      const firstChanged = Math.min(punctuationFrom[end]!, entityAt(end) === -1 ? end : entityAt(end));
      while (starts.length > 1 && starts.at(-1)! > firstChanged) starts.pop();
      let at = starts.at(-1)!;
      let stop = end;
      while (at < end) {
        const char = source[at]!;
        let next: number;
        if (plain(char)) {
          next = at + 1;
          while (next < end && plain(source[next]!)) next++;
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
          while (trailing.has(source[next]!)) next++;
        }
        at = next;
        starts.push(at);
      }
      if (stop === end) stop = at;
      if (stop === end) return end;
      end = stop;
    }
  }
}

/** The length of the link of `address`, a whole candidate of marked's url rule. */
export function autolinkEnd(address: string): number {
  return new BareAddresses(address).linkEnd(0, address.length);
}

const spaceOrAngle = /[\s<]/g;

function tablesOf(source: string) {
  const length = source.length;
  // The first `)` at or after each index.
  const closing = new Int32Array(length + 1).fill(length);
  for (let index = length - 1; index >= 0; index--) closing[index] = source[index] === ')' ? index : closing[index + 1]!;
  // Where the run of trailing punctuation ending at each index starts, and the run of letters and digits.
  const punctuationFrom = new Int32Array(length + 1);
  const alphanumericFrom = new Int32Array(length + 1);
  for (let index = 0; index < length; index++) {
    punctuationFrom[index + 1] = trailing.has(source[index]!) ? punctuationFrom[index]! : index + 1;
    alphanumericFrom[index + 1] = alphanumeric.test(source[index]!) ? alphanumericFrom[index]! : index + 1;
  }
  return { closing, punctuationFrom, alphanumericFrom };
}
