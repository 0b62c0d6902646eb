/**
 * A user's arbitrary behind a guard: any exception it throws while
 * generating or shrinking becomes one `InputError` naming its slot.
 *
 * Main definitions
 * - `guardArbitrary(inner, slot)`: the same values, shrinks and contexts as
 *   `inner`; its exceptions rethrown as `InputError('module <slot>', ...)`.
 *
 * Implementation details
 * fast-check runs generation outside the property, so an exception there
 * leaves `fc.check` uncaught; the guard labels it as the module's fault (exit
 * 2) rather than a bug of ebm-lens (exit 4). Values and contexts pass
 * through untouched, so shrinking works as the inner arbitrary defines it.
 */
import fc from 'fast-check';
import { InputError } from '../errors.js';

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}

function labelled(slot: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  return new InputError(
    `module ${slot}`,
    `its arbitrary threw: ${firstLine(error)}`,
    'fix the arbitrary (draw it with fc.sample to see the stack)',
  );
}

function* guardedIterator<T>(values: Iterable<T>, slot: string): IterableIterator<T> {
  const iterator = values[Symbol.iterator]();
  for (;;) {
    let step: IteratorResult<T>;
    try {
      step = iterator.next();
    } catch (error) {
      throw labelled(slot, error);
    }
    if (step.done === true) return;
    yield step.value;
  }
}

class GuardedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly slot: string,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    try {
      return this.inner.generate(mrng, biasFactor);
    } catch (error) {
      throw labelled(this.slot, error);
    }
  }

  canShrinkWithoutContext(value: unknown): value is T {
    try {
      return this.inner.canShrinkWithoutContext(value);
    } catch (error) {
      throw labelled(this.slot, error);
    }
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    let shrinks: fc.Stream<fc.Value<T>>;
    try {
      shrinks = this.inner.shrink(value, context);
    } catch (error) {
      throw labelled(this.slot, error);
    }
    return new fc.Stream(guardedIterator(shrinks, this.slot));
  }
}

/** `inner` with its exceptions turned into InputErrors naming `slot`. */
export function guardArbitrary<T>(inner: fc.Arbitrary<T>, slot: string): fc.Arbitrary<T> {
  return new GuardedArbitrary(inner, slot);
}
