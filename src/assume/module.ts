/**
 * The shape of an assumption module: the JS or TS file `ebm-lens assume`
 * accepts besides JSON, whose default export draws the values of some
 * instance slots with fast-check arbitraries.
 *
 * Main definitions
 * - `Num`, `Vector`, `Matrix`, `Energies`: how numbers are written (read
 *   exactly, as everywhere in ebm-lens).
 * - `PromptInput`, `PromptView`: an RLVR prompt as a module writes it, and as
 *   the start slot's context shows it.
 * - `SlotValueTypes`: the value of each slot a module may draw.
 * - `ModuleContext`, `SlotSource`: an arbitrary, or a function of the
 *   context (n, and the prompts drawn) returning one.
 * - `AssumptionSlots`, `AssumptionModule`: the default export: the slots, or
 *   a function that receives ebm-lens's fast-check and returns them.
 *
 * Implementation details
 * Types only. Values are converted and checked by userValues.ts; each slot's
 * meaning is that of properties/slots.ts. A function default export is the
 * portable form: it uses the fast-check instance ebm-lens runs with, so the
 * module needs no fast-check of its own.
 */
import type fc from 'fast-check';

/** A number, read exactly: a JS number (its shortest decimal form: 0.1 is 1/10), a decimal string, "p/q", or a bigint. */
export type Num = number | string | bigint;
export type Vector = readonly Num[];
export type Matrix = readonly (readonly Num[])[];

/** Energies by their values (a bare array, or `{ values }`) or by their weights exp(value/beta) (`{ weights }`, positive). */
export type Energies<V> = V | { readonly values: V } | { readonly weights: V };

/** One prompt x: weight D(x) (normalized over the prompts; default 1), q(.|x) > 0 summing to 1, and the correct set C_x. */
export interface PromptInput {
  readonly weight?: Num;
  readonly reference: Vector;
  readonly correct: readonly boolean[];
}

/** A prompt as the start slot's context shows it: exact "p/q" strings. */
export interface PromptView {
  readonly weight: string;
  readonly reference: readonly string[];
  readonly correct: readonly boolean[];
  /** q(C_x|x) */
  readonly p0: string;
}

/** The value a module draws for each slot. */
export interface SlotValueTypes {
  /** number of states (responses per prompt), an integer in 2..12 */
  n: number;
  /** q(y|x): n rows, entries >= 0, each row summing to exactly 1, irreducible */
  reference: Matrix;
  /** Phi (values) or w = exp(Phi/beta) (weights, > 0): n entries */
  potential: Energies<Vector>;
  /** s(x,y) (values) or v = exp(s/beta) (weights, > 0): n x n */
  interaction: Energies<Matrix>;
  /** the full reward r(x,y) (values) or exp(r/beta) (weights, > 0): n x n */
  reward: Energies<Matrix>;
  /** beta > 0 */
  beta: Num;
  /** pi_0(.|x) > 0 summing to 1: one law for every prompt, or one per prompt */
  start: Vector | readonly Vector[];
  /** the RLVR prompt set (at least one prompt), n responses each */
  prompts: readonly PromptInput[];
  /** times t >= 0, strictly increasing, at least one */
  times: Vector;
  /** the start law nu_0 of the chain (T3): n entries >= 0 summing to 1 */
  chainStart: Vector;
}

/** What a slot's function receives. */
export interface ModuleContext {
  /** the instance's number of states */
  readonly n: number;
  /** the prompts drawn (start slot only) */
  readonly prompts?: readonly PromptView[];
}

/**
 * The values of one slot: an arbitrary whose values all have one size (that
 * size then fixes n), or a function of the context returning an arbitrary
 * whose values have size `context.n`.
 */
export type SlotSource<V> = fc.Arbitrary<V> | ((context: ModuleContext) => fc.Arbitrary<V>);

/** The slots a module draws; every slot is optional, and no other key is allowed. */
export type AssumptionSlots = { readonly [K in keyof SlotValueTypes]?: SlotSource<SlotValueTypes[K]> };

/** The default export of an assumption module. */
export type AssumptionModule = AssumptionSlots | ((fastCheck: typeof fc) => AssumptionSlots);
