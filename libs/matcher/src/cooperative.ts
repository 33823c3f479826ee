/**
 * Work written as a generator: it yields wherever it may pause and returns its result. One code path
 * serves both ways of running it, so a model trained in slices is the one trained at once.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Runs the steps to the end without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs`, giving the event loop back (`setImmediate`) between
 * them, so a server keeps answering requests while the work goes on.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
