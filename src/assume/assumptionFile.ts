/**
 * Reading the FILE of `ebm-lens assume`: JSON naming built-in slot variants,
 * or a JS/TS module whose default export draws slot values with fast-check.
 *
 * Main definitions
 * - `AssumptionSet`: the slots replaced (`SlotOverrides`), with the file's
 *   form and description.
 * - `readAssumptionFile(path)`: by extension: .json, .js/.mjs/.cjs, or
 *   .ts/.mts/.cts (loaded through jiti).
 * - `jsonAssumptions(object, name)`, `moduleAssumptions(exported, name)`:
 *   the two forms from their parsed content.
 *
 * Implementation details
 * JSON: each key is a slot of properties/slots.ts (or "description"); a value
 * is a variant name ("symmetric"), a range string ("1/4..4", "3..5"),
 * "nearReversible(1/10)", or an object ({ "nearReversible": "1/10" },
 * { "min": 3, "max": 5 }, { "degenerate": true }); numbers are read exactly.
 * Variants are validated by the slot definitions before anything runs.
 * Module: the default export is an object of slots, or a function receiving
 * fast-check and returning one. Each slot is an arbitrary or a function of
 * the context returning one. Before any run, each is sampled (20 values at a
 * fixed seed; functions at n = 3 and 4) and every value converted, so a bad
 * module fails at once, with one line. A plain arbitrary whose values all have
 * one size fixes n to it. Every bad file is an `InputError` (exit 2): unknown
 * slot, wrong type, a module that throws on import or in its default export.
 * A module is imported by src/input/importModule.ts: JavaScript natively,
 * TypeScript through jiti (types stripped, not checked); nothing is written
 * beside it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import fc from 'fast-check';
import { InputError } from '../errors.js';
import { parseJsonText } from '../input/readJson.js';
import type { SlotOverride, SlotOverrides } from '../runner/theorem.js';
import {
  instanceSlots,
  parseSlotVariant,
  promptSet,
  slotVariantLabel,
  type PromptSet,
  type SlotDefinition,
  type SlotName,
} from '../../properties/index.js';
import { guardArbitrary } from './guard.js';
import { MODULE_EXTENSIONS, importUserModule } from '../input/importModule.js';
import { USER_SLOTS, convertSlotValue, energyFormOf, promptViews, sizeOf, type UserSlot } from './userValues.js';
import type { ModuleContext } from './module.js';

export interface AssumptionSet {
  readonly file: string;
  readonly form: 'json' | 'module';
  readonly overrides: SlotOverrides;
  readonly description?: string;
}

const SLOT_NAMES = Object.keys(instanceSlots) as SlotName[];

// ---------------------------------------------------------------- JSON

type FieldKind = 'integer' | 'rational' | 'boolean';

/** The keys of each constraint-object slot and how they are read. */
const OBJECT_FIELDS: Partial<Record<SlotName, Record<string, FieldKind>>> = {
  n: { min: 'integer', max: 'integer' },
  beta: { min: 'rational', max: 'rational', maxMantissaDenominator: 'integer' },
  expOneOverBeta: { min: 'rational', max: 'rational', maxMantissaDenominator: 'integer' },
  times: { min: 'rational', max: 'rational', maxDenominator: 'integer', minLength: 'integer', maxLength: 'integer' },
  prompts: { minPrompts: 'integer', maxPrompts: 'integer', degenerate: 'boolean', maxWeight: 'integer' },
};

/** What a slot's JSON value may be, for messages. */
function expected(slot: SlotName): string {
  const named = instanceSlots[slot].variants;
  if (slot === 'reference')
    return `one of ${named.filter((v) => !v.includes('(')).join(', ')}, or { "nearReversible": eps } with eps in [0, 1]`;
  const fields = OBJECT_FIELDS[slot];
  if (fields !== undefined) {
    const prefix = slot === 'n' ? 'a whole number, ' : '';
    return `${prefix}a range "min..max" or an object with ${Object.keys(fields).join(', ')}`;
  }
  return `one of ${named.join(', ')}`;
}

/** A properties/ constraint message without its function prefix and repeated slot name. */
function clean(message: string, slot: string): string {
  const text = message
    .replace(/^(instanceFromSlots|parseSlotVariant|beta|times|promptSet|expOneOverBeta): /, '')
    .replace(/\s+/g, ' ');
  return text.startsWith(`${slot} `) ? text.slice(slot.length + 1) : text;
}

/** One valid value per slot, for the fix part of a message. */
const EXAMPLES: Record<SlotName, string> = {
  n: '"3..5"',
  reference: '"symmetric" or { "nearReversible": "1/10" }',
  potential: '"values"',
  interaction: '"symmetric"',
  reward: '"pairwise"',
  beta: '"1/4..4" or { "min": "1/4", "max": 4 }',
  expOneOverBeta: '"2..16"',
  chainStart: '"point"',
  target: '"levelSet"',
  prompts: '{ "maxPrompts": 2, "degenerate": true }',
  start: '"nonTilt"',
  times: '"0..10" or { "max": 10, "minLength": 2 }',
};

function jsonVariant(slot: SlotName, raw: unknown): unknown {
  const fix = `e.g. "${slot}": ${EXAMPLES[slot]} (docs/assumptions.md lists every variant)`;
  let variant: unknown;
  if (typeof raw === 'string') {
    const text = raw.trim();
    const constraintSlot =
      OBJECT_FIELDS[slot] !== undefined || (slot === 'reference' && text.startsWith('nearReversible'));
    if (constraintSlot) {
      try {
        variant = parseSlotVariant(slot, text);
      } catch (error) {
        throw new InputError(
          slot,
          `"${raw}" is not valid (${clean(error instanceof Error ? error.message : String(error), slot)})`,
          fix,
        );
      }
    } else {
      variant = text;
    }
  } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const object = raw as Record<string, unknown>;
    const fields = slot === 'reference' ? { nearReversible: 'rational' as FieldKind } : OBJECT_FIELDS[slot];
    if (fields === undefined) throw new InputError(slot, 'must be a variant name, not an object', fix);
    const read: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      const kind = fields[key];
      if (kind === undefined)
        throw new InputError(`${slot}.${key}`, 'is not a known field', `use only: ${Object.keys(fields).join(', ')}`);
      read[key] = jsonField(`${slot}.${key}`, kind, value);
    }
    if (slot === 'reference' && !('nearReversible' in read))
      throw new InputError(slot, 'an object needs "nearReversible"', fix);
    variant = read;
  } else {
    throw new InputError(
      slot,
      `must be ${expected(slot)}, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`,
      fix,
    );
  }
  try {
    (instanceSlots[slot] as SlotDefinition<SlotName>).validate(variant as never);
  } catch (error) {
    throw new InputError(slot, clean(error instanceof Error ? error.message : String(error), slot), fix);
  }
  return variant;
}

function jsonField(where: string, kind: FieldKind, value: unknown): unknown {
  if (kind === 'boolean') {
    if (typeof value !== 'boolean')
      throw new InputError(
        where,
        `must be true or false, got ${JSON.stringify(value)}`,
        'write true or false (no quotes)',
      );
    return value;
  }
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new InputError(
      where,
      `must be a number, got ${JSON.stringify(value)}`,
      'write a number, a decimal string or "p/q"',
    );
  if (kind === 'rational') return String(value);
  const text = String(value).trim();
  if (!/^\d+$/.test(text))
    throw new InputError(where, `must be a whole number, got ${JSON.stringify(value)}`, 'write a whole number, e.g. 3');
  return Number(text);
}

/** "interaction symmetric", "beta in [1/4, 4]", "prompts degenerate = true, maxPrompts = 2". */
function variantLabel(slot: SlotName, variant: unknown): string {
  if (typeof variant !== 'object' || variant === null || slot === 'reference')
    return `${slot} ${slotVariantLabel(slot, variant)}`;
  const v = variant as Record<string, unknown>;
  const text = (x: unknown): string => {
    const fraction =
      typeof x === 'object' && x !== null ? (x as { toFraction?: () => string }).toFraction?.() : undefined;
    return fraction ?? String(x);
  };
  const parts: string[] = [];
  if ('min' in v || 'max' in v)
    parts.push(`in [${'min' in v ? text(v.min) : 'default'}, ${'max' in v ? text(v.max) : 'default'}]`);
  for (const [key, value] of Object.entries(v))
    if (key !== 'min' && key !== 'max') parts.push(`${key} = ${text(value)}`);
  return `${slot} ${parts.join(', ')}`;
}

/** The overrides of a parsed JSON assumption file. */
export function jsonAssumptions(object: Record<string, unknown>, name: string): AssumptionSet {
  const overrides: Record<string, SlotOverride> = {};
  let description: string | undefined;
  for (const [key, raw] of Object.entries(object)) {
    if (key === 'description') {
      if (typeof raw !== 'string')
        throw new InputError('description', 'must be a string', 'describe the assumptions in words, or leave it out');
      description = raw;
      continue;
    }
    if (!SLOT_NAMES.includes(key as SlotName)) {
      throw new InputError(key, 'is not a slot', `use the slots ${SLOT_NAMES.join(', ')} (and "description")`);
    }
    const slot = key as SlotName;
    const variant = jsonVariant(slot, raw);
    overrides[slot] = { kind: 'variant', label: variantLabel(slot, variant), variant };
  }
  if (Object.keys(overrides).length === 0)
    throw new InputError(
      name,
      'names no slot',
      `name at least one slot, e.g. { "interaction": "symmetric" } (slots: ${SLOT_NAMES.join(', ')})`,
    );
  return { file: name, form: 'json', overrides, ...(description !== undefined ? { description } : {}) };
}

// ---------------------------------------------------------------- modules

const SAMPLES = 20;
const SAMPLE_SEED = 20251218;

function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  if (value instanceof fc.Arbitrary) return true;
  // An arbitrary of another copy of fast-check: duck-typed on the methods fast-check calls.
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.generate === 'function' &&
    typeof v.shrink === 'function' &&
    typeof v.canShrinkWithoutContext === 'function'
  );
}

function firstLine(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.split('\n')[0] ?? '';
}

/** Prompt sets of n responses, to try a start slot on. */
function samplePrompts(n: number): PromptSet[] {
  return fc.sample(promptSet({ n, maxPrompts: 3 }), { seed: SAMPLE_SEED, numRuns: 5 });
}

function sampleValues(slot: string, arbitrary: fc.Arbitrary<unknown>, count: number): unknown[] {
  try {
    return fc.sample(guardArbitrary(arbitrary, slot), { seed: SAMPLE_SEED, numRuns: count });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`module ${slot}`, `cannot be sampled: ${firstLine(error)}`, 'give a fast-check arbitrary');
  }
}

function callSource(
  slot: string,
  source: (context: ModuleContext) => unknown,
  context: ModuleContext,
): fc.Arbitrary<unknown> {
  let result: unknown;
  try {
    result = source(context);
  } catch (error) {
    throw new InputError(
      `module ${slot}`,
      `its function threw for n = ${context.n}: ${firstLine(error)}`,
      'fix the function (context) => arbitrary',
    );
  }
  if (!isArbitrary(result))
    throw new InputError(
      `module ${slot}`,
      `its function returned ${typeof result}, not a fast-check arbitrary`,
      'return an arbitrary, e.g. fc.constant(...)',
    );
  return result;
}

/** One module slot as an override, after sampling and converting values. */
function moduleSlot(slot: UserSlot, source: unknown): SlotOverride {
  const where = `module ${slot}`;
  const sized = slot !== 'n' && slot !== 'beta' && slot !== 'times';
  const isFunction = typeof source === 'function' && !isArbitrary(source);
  if (!isFunction && !isArbitrary(source)) {
    throw new InputError(
      where,
      `must be a fast-check arbitrary or a function (context) => arbitrary, got ${source === null ? 'null' : typeof source}`,
      'see docs/assumptions.md for the shape of an assumption module',
    );
  }
  const arbitraryAt = (context: ModuleContext): fc.Arbitrary<unknown> =>
    isFunction ? callSource(slot, source as (context: ModuleContext) => unknown, context) : source;

  // Sample, fix n for a plain arbitrary of one size, and convert every sample.
  let states: number | undefined;
  const trials: { n: number; values: unknown[] }[] = [];
  if (!isFunction) {
    const values = sampleValues(slot, source, SAMPLES);
    if (sized) {
      const sizes = new Set(values.map((v) => sizeOf(slot, v)));
      if (sizes.has(undefined) || sizes.size !== 1) {
        const seen = [...sizes].map((s) => (s === undefined ? 'none' : String(s))).join(', ');
        throw new InputError(
          where,
          `draws values of different or no sizes (${seen})`,
          'draw values of one size, or give a function (context) => arbitrary of size context.n',
        );
      }
      states = [...sizes][0]!;
    }
    trials.push({ n: states ?? 3, values });
  } else {
    for (const n of [3, 4])
      trials.push({
        n,
        values: sampleValues(
          slot,
          arbitraryAt({ n, ...(slot === 'start' ? { prompts: promptViews(samplePrompts(n)[0]) } : {}) }),
          SAMPLES / 2,
        ),
      });
  }
  const energy = slot === 'potential' || slot === 'interaction' || slot === 'reward';
  const forms = new Set<'values' | 'weights'>();
  for (const { n, values } of trials) {
    const prompts = slot === 'start' ? samplePrompts(n) : [];
    values.forEach((value, k) => {
      if (energy) forms.add(energyFormOf(slot, value));
      convertSlotValue(slot, value, { n, ...(slot === 'start' ? { prompts: prompts[k % prompts.length]! } : {}) });
    });
  }
  if (forms.size > 1)
    throw new InputError(
      where,
      'mixes values and weights',
      'draw every value in one form: values (Phi, s, r) or { weights } (exp(value/beta))',
    );
  const form = [...forms][0];

  const values = (context: { n: number; prompts?: unknown }): fc.Arbitrary<unknown> => {
    const prompts = context.prompts as PromptSet | undefined;
    const inner = arbitraryAt({ n: context.n, ...(slot === 'start' ? { prompts: promptViews(prompts) } : {}) });
    return guardArbitrary(inner, slot).map((value) => {
      if (form !== undefined && energyFormOf(slot, value) !== form)
        throw new InputError(where, 'mixes values and weights', 'draw every value in one form');
      return convertSlotValue(slot, value, { n: context.n, ...(prompts !== undefined ? { prompts } : {}) });
    });
  };
  return {
    kind: 'values',
    label: `${slot} from the module`,
    values,
    ...(states !== undefined ? { states } : {}),
    ...(form !== undefined ? { form } : {}),
  };
}

/** The overrides of a module's default export (the namespace's `default`). */
export function moduleAssumptions(exported: unknown, name: string): AssumptionSet {
  if (exported === undefined)
    throw new InputError(
      name,
      'has no default export',
      'write export default { reference: ..., } or export default (fc) => ({ ... }) (see docs/assumptions.md)',
    );
  let slots: unknown = exported;
  if (typeof exported === 'function' && !isArbitrary(exported)) {
    try {
      slots = (exported as (fastCheck: typeof fc) => unknown)(fc);
    } catch (error) {
      throw new InputError(
        name,
        `its default export threw: ${firstLine(error)}`,
        'fix the function (fc) => ({ slots })',
      );
    }
  }
  if (typeof slots !== 'object' || slots === null || Array.isArray(slots) || isArbitrary(slots)) {
    throw new InputError(
      name,
      `its default export is ${slots === null ? 'null' : Array.isArray(slots) ? 'an array' : typeof slots}, not an object of slots`,
      'export default { reference: fc.constant([[...]]) } (see docs/assumptions.md)',
    );
  }
  const overrides: Record<string, SlotOverride> = {};
  for (const [key, source] of Object.entries(slots)) {
    if (!(USER_SLOTS as readonly string[]).includes(key)) {
      throw new InputError(
        `module ${key}`,
        'is not a slot a module can draw',
        `use the slots ${USER_SLOTS.join(', ')}`,
      );
    }
    overrides[key] = moduleSlot(key as UserSlot, source);
  }
  if (Object.keys(overrides).length === 0)
    throw new InputError(name, 'its default export names no slot', `draw at least one of ${USER_SLOTS.join(', ')}`);
  const sizes = new Set(
    Object.values(overrides).flatMap((o) => (o.kind === 'values' && o.states !== undefined ? [o.states] : [])),
  );
  if (sizes.size > 1)
    throw new InputError(
      name,
      `its slots draw values of different sizes (${[...sizes].join(', ')} states)`,
      'draw every slot for the same number of states',
    );
  if (sizes.size === 1 && overrides.n !== undefined) {
    throw new InputError(
      'module n',
      `conflicts with values of fixed size ${[...sizes][0]!}, which fix n already`,
      'leave n out, or make the other slots functions of context.n',
    );
  }
  return { file: name, form: 'module', overrides };
}

/** The assumptions of FILE (module comment). */
export async function readAssumptionFile(file: string): Promise<AssumptionSet> {
  const path = resolve(file);
  if (!existsSync(path))
    throw new InputError(file, 'no such file', 'give the path of a .json, .js, .mjs or .ts assumption file');
  if (statSync(path).isDirectory())
    throw new InputError(file, 'is a directory', 'give the path of a .json, .js, .mjs or .ts assumption file');
  const extension = extname(path).toLowerCase();
  if (extension === '.json') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputError(
        file,
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        'check the file permissions',
      );
    }
    return { ...jsonAssumptions(parseJsonText(text, file), file), file };
  }
  if (MODULE_EXTENSIONS.includes(extension))
    return { ...moduleAssumptions((await importUserModule(file, 'assumption module')).default, file), file };
  throw new InputError(
    file,
    `has an unknown extension '${extension || '(none)'}'`,
    'give a .json file of slot variants, or a .js, .mjs or .ts module',
  );
}
