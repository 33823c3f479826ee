import { vi } from 'vitest';

type AsyncMethod = (...args: any[]) => Promise<unknown>;
type AsyncMethodName<T> = { [K in keyof T]: T[K] extends AsyncMethod ? K : never }[keyof T] & string;

export interface HeldCalls<Args extends unknown[]> {
  /** Resolves once the first held call reaches the hold. */
  reached: Promise<void>;
  /** The arguments of each picked call so far, in the order they reached the hold (after `release()` too). */
  held: Args[];
  /** Lets the held calls go on; later calls are not held. */
  release(): void;
  /** Releases the held calls and puts the method back. */
  restore(): void;
}

/**
 * Holds the calls of `target[method]` that `matching` picks (all, by default) until `release()`, as a slow step would:
 * `when: 'before'` holds a call before the method runs, `when: 'after'` once the method has finished, before its
 * result is returned. `target` may be a prototype: `matching` and the method then get the instance as `this`.
 */
export function holdCalls<T extends object, K extends AsyncMethodName<T>>(
  target: T,
  method: K,
  options: { when: 'before' | 'after'; matching?: (this: T, ...args: Parameters<T[K] & AsyncMethod>) => boolean },
): HeldCalls<Parameters<T[K] & AsyncMethod>> {
  type Args = Parameters<T[K] & AsyncMethod>;
  const original = target[method] as AsyncMethod;
  const matching = options.matching ?? (() => true);
  const held: Args[] = [];
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = async (args: Args) => {
    held.push(args);
    reached();
    await released;
  };
  const spy = vi.spyOn(target, method as never).mockImplementation(async function (this: T, ...args: Args) {
    if (!matching.apply(this, args)) return original.apply(this, args);
    if (options.when === 'before') {
      await hold(args);
      return original.apply(this, args);
    }
    const result = await original.apply(this, args);
    await hold(args);
    return result;
  } as never);
  return {
    reached: reachedPromise,
    held,
    release,
    restore: () => {
      release();
      spy.mockRestore();
    },
  };
}
