/**
 * The theorem kit: the builders every theorem module is written with, in
 * the catalogue (theorems/) and outside it (docs/library.md).
 *
 * A module reads in one order: statement, (instances,) assumptions,
 * identities, (checks and certificate claims,) properties, mutants, slots,
 * and the theorem object last. Its module comment names what it defines and
 * how it decides; the statement itself lives once, in `statement`.
 *
 * Main definitions
 * - Specs (specs.ts): `specs(defaults)` and `intervalSpecs(defaults)` give a
 *   `SpecKit<I, C>` for one instance type: `property(name, parts)`,
 *   `mutant(name, parts, mutation?)`, `assumption(id, text, parts)`.
 *   `SpecParts` are a claim, its arbitrary, its check and optionally its
 *   certificate claim (`certify`), precision line and former names. A
 *   function returning `SpecParts` is a parametrized claim: the property
 *   and its mutants from one template.
 * - Checks (checks.ts): `IntervalChecks` (`less`, `atMost`, `equal` to 30
 *   digits, with margins and both sides on a fail), `IntervalCheck<I>`,
 *   `intervalCheck(claim, check)`, `PRECISION_EQUAL`, `PRECISION_STRICT`.
 * - Slots (slotFamily.ts, slotLaboratory.ts): `slotFamily(slots, { build,
 *   pinned })` with typed draws, `familiesArbitrary`, `realizeFamilies`,
 *   `drawnFrom(spec, families, hypothesis?)`, `slotLaboratory(properties,
 *   degrees?)` (the theorem's `slots` and `instantiate`), `touches`,
 *   `replaceSlot`, `overridesLabel`, `referenceEpsLevels`.
 *
 * Main statements
 * - Naming (validate.ts): property, mutant and assumption names are
 *   kebab-case; a mutant's claim has no "FALSE:" prefix. A renamed spec
 *   lists its earlier names in `formerNames` (oldest first): its seeds stay
 *   those of the oldest name and `replay` accepts the old name with a note
 *   (renames.ts).
 * - What the kit builds is plain `PropertySpec`, `MutantSpec`,
 *   `AssumptionSpec` and `Theorem` members: nothing in the runner depends on
 *   the kit.
 *
 * Implementation details
 * The kit imports properties/ (slot definitions) and src/ only, never
 * theorems/, so user modules can use it through the package entry point.
 */
export {
  specs,
  intervalSpecs,
  type AssumptionParts,
  type Predicate,
  type SpecDefaults,
  type SpecKit,
  type SpecParts,
} from './specs.js';
export {
  IntervalChecks,
  intervalCheck,
  PRECISION_EQUAL,
  PRECISION_STRICT,
  type CheckContext,
  type IntervalCheck,
} from './checks.js';
export {
  slotFamily,
  familiesArbitrary,
  realizeFamilies,
  type Realized,
  type SlotFamily,
  type SlotFamilyOptions,
} from './slotFamily.js';
export { variables } from './variables.js';
export { theoremModule, type TheoremHeader, type TheoremMembers } from './theoremModule.js';
export {
  drawnFrom,
  overridesLabel,
  referenceEpsLevels,
  replaceSlot,
  slotLaboratory,
  touches,
  type PropertyFamilies,
} from './slotLaboratory.js';
