/**
 * Where the browser test's Chromium comes from (issue 13, item 1): after
 * `npm ci` alone, the devDependency @sparticuz/chromium provides one, so the
 * browser test runs on a fresh machine; EBM_LENS_CHROMIUM still selects a
 * system Chromium, and a wrong one is not silently replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { locateChromium } from './chromium.js';

const saved = process.env.EBM_LENS_CHROMIUM;
afterEach(() => {
  if (saved === undefined) delete process.env.EBM_LENS_CHROMIUM;
  else process.env.EBM_LENS_CHROMIUM = saved;
});

describe('locateChromium', () => {
  it('finds a Chromium that runs, the npm-shipped one by default on linux x64', async () => {
    delete process.env.EBM_LENS_CHROMIUM;
    const located = await locateChromium();
    expect(located).toBeDefined();
    const version = spawnSync(located!.path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(version.stdout).toMatch(/chrom/i);
    if (process.platform === 'linux' && process.arch === 'x64') expect(located!.source).toBe('npm @sparticuz/chromium');
  }, 120_000);

  it('honours EBM_LENS_CHROMIUM, and a path that does not run is not replaced by another browser', async () => {
    delete process.env.EBM_LENS_CHROMIUM;
    const shipped = (await locateChromium())!;
    process.env.EBM_LENS_CHROMIUM = shipped.path;
    expect(await locateChromium()).toEqual({ path: shipped.path, source: 'EBM_LENS_CHROMIUM' });
    process.env.EBM_LENS_CHROMIUM = '/nonexistent/chromium';
    expect(await locateChromium()).toBeUndefined();
  }, 120_000);
});
