/**
 * The layers of ebm-lens, checked by `npm run lint:layers` (part of `npm test`).
 * docs/architecture.md describes them. Rows from the bottom: a directory of src/
 * imports from its own row and the rows below it, never from above.
 */
const ROWS = [
  { name: 'numbers', dirs: ['arith'] },
  { name: 'generic algorithms', dirs: ['linalg', 'info', 'stats', 'ode'] },
  { name: "the paper's objects", dirs: ['markov', 'models', 'symbolic', 'rlvr'] },
  { name: 'tools, input files', dirs: ['analysis', 'empirical', 'input', 'sparse'] },
  { name: 'checking', dirs: ['runner', 'certificate'] },
  { name: 'commands, outputs', dirs: ['report', 'docs', 'assume', 'bench', 'cli'] },
];

/** src/errors.ts (InputError, EXIT) and src/version.ts sit below every row. */
const BASE = '^src/(errors|version)\\.ts$';

const under = (dirs) => `^src/(${dirs.join('|')})/`;
const KNOWN = [BASE, under(ROWS.flatMap((row) => row.dirs))].join('|');

const layerRules = ROWS.slice(0, -1).map((row, i) => ({
  name: `layer-${row.dirs.join('-')}`,
  comment: `${row.name} (src/${row.dirs.join(', src/')}) may not import a row above it`,
  severity: 'error',
  from: { path: under(row.dirs) },
  to: { path: under(ROWS.slice(i + 1).flatMap((above) => above.dirs)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'base-imports-nothing',
      comment: 'src/errors.ts and src/version.ts import nothing of the project',
      severity: 'error',
      from: { path: BASE },
      to: { path: '^(src|api|theorems|properties|checker)/' },
    },
    {
      name: 'every-src-directory-has-a-row',
      comment: 'a new directory of src/ gets a row in .dependency-cruiser.cjs (and docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/', pathNot: KNOWN },
      to: {},
    },
    ...layerRules,
    {
      name: 'cli-is-the-top',
      comment: 'nothing imports src/cli/ but src/cli/ itself: the command line is the entry, never a library',
      severity: 'error',
      from: { path: '^(src|api|theorems|properties|checker)/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'src-never-imports-the-catalogue',
      comment: 'the engine is generic: the catalogue (theorems/) is handed to it, and api/ is its public face',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(theorems|api)/' },
    },
    {
      name: 'properties-only-for-slots',
      comment: 'of src/, only the slot machinery (src/assume/, src/runner/kit/) reads the named slots of properties/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(assume|runner/kit)/' },
      to: { path: '^properties/' },
    },
    {
      name: 'properties-on-arith-only',
      comment: 'properties/ (the arbitraries) builds on src/arith/ alone',
      severity: 'error',
      from: { path: '^properties/' },
      to: { path: '^(src|api|theorems|checker)/', pathNot: '^src/arith/' },
    },
    {
      name: 'checker-is-independent',
      comment: 'checker/ re-implements what it needs: it imports nothing of the engine, the catalogue or the api',
      severity: 'error',
      from: { path: '^checker/' },
      to: { path: '^(src|api|theorems|properties)/' },
    },
    {
      name: 'every-import-resolves',
      comment: 'an import the cruiser cannot resolve would escape every rule above',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'no module reaches itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts'] },
  },
};
