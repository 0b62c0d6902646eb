/**
 * The environment a report was produced in.
 *
 * Main definitions
 * - `Environment`: package name and version, git commit (when the package is a
 *   git checkout), Node version, and the installed version of each runtime
 *   dependency.
 * - `collectEnvironment()`: reads them; never throws (unknown parts are null).
 *
 * Implementation details
 * The package root is found by walking up from this module to the package.json
 * named "ebm-lens" (works from src/ under vitest and from dist/). A dependency's
 * version is read from the first node_modules/<name>/package.json found from the
 * root upward, as Node resolves it. The git commit is taken only when the
 * package root is itself the top of a git work tree, so an installed copy never
 * reports the commit of an enclosing repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';

export interface Environment {
  package: { name: string; version: string };
  gitCommit: string | null;
  node: string;
  dependencies: Record<string, string | null>;
}

const PACKAGE_NAME = 'ebm-lens';

export function collectEnvironment(): Environment {
  const root = packageRoot();
  const manifest = root === null ? null : readJson(join(root, 'package.json'));
  const declared =
    manifest !== null && isRecord(manifest.dependencies) ? Object.keys(manifest.dependencies).sort() : [];
  const dependencies: Record<string, string | null> = {};
  for (const name of declared) dependencies[name] = root === null ? null : installedVersion(root, name);
  return {
    package: {
      name: PACKAGE_NAME,
      version: manifest !== null && typeof manifest.version === 'string' ? manifest.version : VERSION,
    },
    gitCommit: root === null ? null : gitCommit(root),
    node: process.version,
    dependencies,
  };
}

function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = readJson(join(dir, 'package.json'));
    if (manifest !== null && manifest.name === PACKAGE_NAME) return dir;
    if (dir === parse(dir).root) return null;
    dir = dirname(dir);
  }
}

function installedVersion(root: string, name: string): string | null {
  let dir = root;
  for (;;) {
    const manifest = readJson(join(dir, 'node_modules', name, 'package.json'));
    if (manifest !== null) return typeof manifest.version === 'string' ? manifest.version : null;
    if (dir === parse(dir).root) return null;
    dir = dirname(dir);
  }
}

function gitCommit(root: string): string | null {
  try {
    const output = execFileSync('git', ['rev-parse', '--show-toplevel', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    const [top, commit] = output.trim().split('\n');
    if (top === undefined || commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) return null;
    return realpathSync(top) === realpathSync(root) ? commit : null;
  } catch {
    return null;
  }
}

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
