/** For the tests that check a replacement of marked's against marked: every string of up to `length` of `alphabet`. */
export function* everyString(alphabet: string[], length: number): Generator<string> {
  let level = [''];
  yield '';
  for (let size = 1; size <= length; size++) {
    level = level.flatMap((shorter) => alphabet.map((char) => shorter + char));
    yield* level;
  }
}
