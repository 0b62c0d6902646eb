/**
 * The generated theorem docs: the committed docs/theorems must be exactly what
 * `ebm-lens docs` writes from the current theorem modules (regenerate with
 * `npm run docs`), and regenerating removes only the files it generated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { catalogue } from '../../theorems/index.js';
import { theoremDocs } from '../../src/docs/theoremDocs.js';
import { writeDocs } from '../../src/docs/writeDocs.js';
import { FIGURE_BUILDERS } from '../../src/report/figures/index.js';

const COMMITTED = join('docs', 'theorems');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function listing(root: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(root, { withFileTypes: true })) {
    if (name.isDirectory()) files.push(...listing(join(root, name.name)).map((f) => `${name.name}/${f}`));
    else files.push(name.name);
  }
  return files.sort();
}

describe('docs/theorems', () => {
  it('is up to date with the theorem modules (run `npm run docs` after changing a theorem)', async () => {
    const out = join(dir, 'fresh');
    let stdout = '';
    const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: () => undefined, interactive: false };
    expect(await main(['docs', out], io, catalogue)).toBe(0);
    expect(stdout).toMatch(/^\d+ files written to /);
    const expected = listing(out);
    expect(expected).toEqual(
      [
        'README.md',
        ...catalogue.map((t) => `${t.id}.md`),
        ...catalogue.filter((t) => t.id in FIGURE_BUILDERS).map((t) => `img/${t.id}.svg`),
      ].sort(),
    );
    expect(existsSync(COMMITTED), 'docs/theorems is missing: run `npm run docs`').toBe(true);
    expect(listing(COMMITTED), 'docs/theorems lists other files than the generator writes: run `npm run docs`').toEqual(
      expected,
    );
    for (const file of expected) {
      expect(readFileSync(join(COMMITTED, file), 'utf8'), `docs/theorems/${file} is stale: run \`npm run docs\``).toBe(
        readFileSync(join(out, file), 'utf8'),
      );
    }
  });

  it('has, per theorem, the statement, assumptions with their flags, identities, properties with modes, mutants and a figure', () => {
    const files = new Map(theoremDocs(catalogue).map((f) => [f.path, f.content]));
    for (const theorem of catalogue) {
      const page = files.get(`${theorem.id}.md`)!;
      expect(page).toContain(`# ${theorem.id}: `);
      expect(page).toContain(`\`\`\`math\n${theorem.statement.latex}\n\`\`\``);
      for (const a of theorem.assumptions) expect(page).toContain(`| **${a.id}** | ${a.needed ? 'yes' : 'no'} |`);
      for (const i of theorem.identities) expect(page).toContain(`| \`${i.name}\` |`);
      for (const p of theorem.properties)
        expect(page).toMatch(new RegExp(`\\| \`${p.name}\` \\| .* \\| ${p.mode} \\| `));
      for (const m of theorem.mutants)
        expect(page).toMatch(new RegExp(`\\| \`${m.name}\` \\| .* \\| ${m.mode} \\|$`, 'm'));
      if (theorem.id in FIGURE_BUILDERS) {
        expect(page).toContain(`](img/${theorem.id}.svg)`);
        expect(files.get(`img/${theorem.id}.svg`)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      }
    }
  });

  it('regenerating removes stale generated files and nothing else', () => {
    const out = join(dir, 'stale');
    mkdirSync(join(out, 'img'), { recursive: true });
    writeFileSync(
      join(out, 'T99.md'),
      '<!-- Generated from the theorem modules in theorems/ by `npm run docs`; do not edit by hand. -->\n# T99',
    );
    writeFileSync(join(out, 'img', 'T99.svg'), '<svg class="chart"></svg>');
    writeFileSync(join(out, 'notes.md'), '# hand-written');
    writeFileSync(join(out, 'img', 'logo.svg'), '<svg></svg>');
    writeDocs(out, theoremDocs(catalogue.slice(0, 1)));
    const first = catalogue[0]!.id;
    const figure = first in FIGURE_BUILDERS ? [`img/${first}.svg`] : [];
    expect(listing(out)).toEqual(['README.md', `${first}.md`, ...figure, 'img/logo.svg', 'notes.md'].sort());
  });

  it('a directory that cannot be written is bad usage: one line, exit 2', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    let stderr = '';
    const io: CommandIO = { stdout: () => undefined, stderr: (t) => void (stderr += t), interactive: false };
    expect(await main(['docs', join(file, 'sub')], io, catalogue)).toBe(2);
    expect(stderr).toMatch(/^ebm-lens: DIR: '.*a-file' exists and is not a directory; pass a writable directory.*\n$/);
  });
});
