/**
 * Output paths checked before any work starts: a report directory, a
 * certificate file, the docs directory. A path that cannot be written is one
 * line and exit 2 at once, not after minutes of checking (and never a hang).
 *
 * Main definitions
 * - `checkOutputDirectory(option, dir, files)`: `dir` exists as a writable
 *   directory, or can be created (every existing part of it a directory, the
 *   nearest existing one writable); none of `files` inside it is a directory.
 * - `checkOutputFile(option, file)`: a plain file name in an existing,
 *   writable directory, not itself a directory.
 * Both throw an `InputError` naming the option, and create nothing.
 *
 * Implementation details
 * Walking up from the path with lstat finds the nearest existing entry; a
 * symlink on the way whose target is missing (a dangling symlink) is named as
 * such. Kernel file systems (procfs, sysfs, cgroup and the like) are refused
 * outright: there `mkdir` fails with ENOENT for a missing parent that exists,
 * and Node's recursive mkdir retries forever (100% CPU, no exit); they are
 * recognised by statfs magic numbers, and by a /proc or /sys prefix where
 * statfs is not available.
 */
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** statfs f_type of Linux kernel pseudo file systems, where nothing of ours can be written. */
const KERNEL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
]);

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/** The kernel file system holding the existing directory `dir`, if it is one. */
function kernelFileSystem(dir: string): string | undefined {
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // keep the path as given
  }
  try {
    const name = KERNEL_FILE_SYSTEMS.get(Number(statfsSync(real).type));
    if (name !== undefined) return name;
  } catch {
    // statfs unavailable: fall back to the path
  }
  if (real === '/proc' || real.startsWith('/proc/')) return 'procfs';
  if (real === '/sys' || real.startsWith('/sys/')) return 'sysfs';
  return undefined;
}

/**
 * The nearest existing ancestor of `path` (or `path` itself), followed through
 * symlinks, with a one-line problem when some part cannot hold a directory.
 */
function nearestExisting(option: string, path: string, fix: string): string {
  let current = resolve(path);
  for (;;) {
    let isLink = false;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR')
        throw new InputError(option, `cannot inspect '${current}' (${code(error)})`, fix);
      const parent = dirname(current);
      if (parent === current) throw new InputError(option, `no part of '${path}' exists`, fix);
      current = parent;
      continue;
    }
    let target;
    try {
      target = statSync(current);
    } catch (error) {
      if (isLink && code(error) === 'ENOENT') {
        throw new InputError(
          option,
          `'${current}' is a symlink to '${readlinkSync(current)}', which does not exist (a dangling symlink)`,
          fix,
        );
      }
      throw new InputError(option, `cannot inspect '${current}' (${code(error)})`, fix);
    }
    if (!target.isDirectory()) throw new InputError(option, `'${current}' exists and is not a directory`, fix);
    return current;
  }
}

function requireWritableDirectory(option: string, dir: string, shown: string, fix: string): void {
  const kernel = kernelFileSystem(dir);
  if (kernel !== undefined)
    throw new InputError(
      option,
      `'${shown}' is on the kernel file system ${kernel} (${dir}), where files cannot be written`,
      fix,
    );
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new InputError(option, `'${dir}' is not writable (${code(error)})`, fix);
  }
}

export function checkOutputDirectory(option: string, dir: string, files: readonly string[] = []): void {
  const fix = 'pass a writable directory (it is created if missing)';
  if (dir.trim() === '') throw new InputError(option, 'the directory name is empty', 'pass a directory, e.g. out');
  const existing = nearestExisting(option, dir, fix);
  requireWritableDirectory(option, existing, dir, fix);
  if (existing !== resolve(dir)) return;
  for (const name of files) {
    const path = join(existing, name);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // absent, or a dangling symlink that the rename replaces
    }
    if (isDirectory)
      throw new InputError(option, `'${join(dir, name)}' is a directory`, 'remove it or pass another directory');
  }
}

export function checkOutputFile(option: string, file: string): void {
  const name = basename(file);
  if (file.trim() === '' || name === '' || name.startsWith('.') || file.endsWith('/')) {
    throw new InputError(option, `'${file}' is not a file name`, `pass a file, e.g. ${option} certificate.json`);
  }
  const dir = dirname(file);
  const fix = 'create the directory first or pass a file in an existing, writable directory';
  const existing = nearestExisting(option, dir, fix);
  if (existing !== resolve(dir)) throw new InputError(option, `the directory '${dir}' does not exist`, fix);
  requireWritableDirectory(option, existing, file, fix);
  let isDirectory = false;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    // absent: written fresh
  }
  if (isDirectory) throw new InputError(option, `'${file}' is a directory`, 'pass a file name');
}
