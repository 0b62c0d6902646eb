#!/usr/bin/env node
// Regenerates the generated documentation (run after `npm run build`; `npm run docs` does both):
// - docs/theorems/: one page per theorem, written by `ebm-lens docs` from the theorem modules;
// - docs/img/report.png: a screenshot of the first screen of report.html from a short check,
//   taken by headless Chromium (skipped, with a message, when Chromium is not installed).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'ebm-lens.js');

function run(command, args, allowed = [0]) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw result.error;
  if (!allowed.includes(result.status)) {
    console.error(`generate-docs: '${command} ${args.join(' ')}' exited with ${result.status}`);
    process.exit(1);
  }
}

function findChromium() {
  for (const candidate of [process.env.EBM_LENS_CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

run(process.execPath, [cli, 'docs', join('docs', 'theorems')]);

const chromium = findChromium();
if (chromium === undefined) {
  console.error(
    'generate-docs: Chromium not found (Debian: apt-get install chromium): docs/img/report.png not updated',
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-docs-'));
  try {
    // Exit 1 or 3 (a mutant surviving few runs) still writes a report worth showing.
    run(process.execPath, [cli, 'check', 'T4', 'T8', '--profile', 'quick', '--runs', '50', '--report', dir], [0, 1, 3]);
    mkdirSync(join(root, 'docs', 'img'), { recursive: true });
    run(chromium, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--window-size=1000,1500',
      `--screenshot=${join(root, 'docs', 'img', 'report.png')}`,
      pathToFileURL(join(dir, 'report.html')).href,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
