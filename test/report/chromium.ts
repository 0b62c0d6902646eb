/**
 * A minimal headless-Chromium driver for the browser tests: the DevTools
 * protocol over a pipe (`--remote-debugging-pipe`), with no dependency.
 *
 * `locateChromium()` finds the browser: EBM_LENS_CHROMIUM when set (a system
 * Chromium, say), else the Chromium that the npm package @sparticuz/chromium
 * ships (a devDependency, so `npm ci` alone provides it; unpacked once to the
 * temporary directory), else chromium, chromium-browser or google-chrome on
 * PATH. `findChromium()` is the synchronous search of EBM_LENS_CHROMIUM and
 * PATH only. `inspectPage(file, evaluate)`
 * opens a local file, waits for its load event, collects every console error,
 * uncaught exception, log error and every request for something other than a
 * file: or data: URL, returns the value of `evaluate` (a JavaScript expression
 * run in the page), a PNG screenshot of the first screen and the page printed
 * to PDF.
 *
 * The pipe carries JSON messages separated by NUL bytes: the browser reads
 * commands on fd 3 and writes answers and events on fd 4.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

export const INSTALL_HINT =
  'headless Chromium not found: run npm ci (the devDependency @sparticuz/chromium ships one), install a system Chromium (Debian: apt-get install chromium) or set EBM_LENS_CHROMIUM=/path/to/chrome; set EBM_LENS_BROWSER_TESTS=0 to skip the browser tests explicitly';

function runs(candidate: string): boolean {
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return probe.status === 0 && /chrom/i.test(probe.stdout);
}

export function findChromium(): string | undefined {
  const candidates = [
    process.env.EBM_LENS_CHROMIUM,
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
  ].filter((c): c is string => c !== undefined && c !== '');
  return candidates.find(runs);
}

export interface LocatedChromium {
  path: string;
  /** where it came from, for messages: 'EBM_LENS_CHROMIUM', 'npm @sparticuz/chromium' or 'PATH' */
  source: string;
}

/** The Chromium shipped by the npm package @sparticuz/chromium, unpacked; undefined when the package is absent or its binary does not run here. */
async function npmChromium(): Promise<string | undefined> {
  try {
    const { default: chromium } = (await import('@sparticuz/chromium')) as {
      default: { executablePath(): Promise<string> };
    };
    const path = await chromium.executablePath();
    // its fonts (unpacked beside it) make the rendering the same on every machine, fonts installed or not
    const fonts = join(tmpdir(), 'fonts');
    if (process.env.FONTCONFIG_PATH === undefined && existsSync(join(fonts, 'fonts.conf')))
      process.env.FONTCONFIG_PATH = fonts;
    return runs(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function locateChromium(): Promise<LocatedChromium | undefined> {
  const explicit = process.env.EBM_LENS_CHROMIUM;
  if (explicit !== undefined && explicit !== '')
    return runs(explicit) ? { path: explicit, source: 'EBM_LENS_CHROMIUM' } : undefined;
  const shipped = await npmChromium();
  if (shipped !== undefined) return { path: shipped, source: 'npm @sparticuz/chromium' };
  const system = findChromium();
  return system === undefined ? undefined : { path: system, source: 'PATH' };
}

export interface PageProblem {
  kind: 'console' | 'exception' | 'log' | 'request';
  text: string;
}

export interface Inspection<V> {
  value: V;
  problems: PageProblem[];
  screenshot: Buffer;
  /** The page printed (print stylesheet, A4) to PDF. */
  pdf: Buffer;
}

/** The parts of DevTools protocol messages read here: a remote object, an exception, event parameters, command results. */
interface RemoteObject {
  value?: unknown;
  description?: string;
}
interface ExceptionDetails {
  text?: string;
  exception?: RemoteObject;
}
/** A console call's argument: a primitive's value (objects are not sent by value unless asked for), else a description. */
interface ConsoleArgument {
  value?: string | number | boolean | null;
  description?: string;
}
interface EventParams {
  type?: string;
  args?: ConsoleArgument[];
  exceptionDetails?: ExceptionDetails;
  entry?: { level?: string; source?: string; text?: string; url?: string };
  request?: { url?: string };
}
interface CommandResult {
  targetId?: string;
  sessionId?: string;
  result?: RemoteObject;
  exceptionDetails?: ExceptionDetails;
  data?: string;
}
interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: EventParams;
  result?: CommandResult;
  error?: { message: string };
}

class Pipe {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (r: CommandResult) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        const message = JSON.parse(text) as Message;
        if (message.id !== undefined && this.pending.has(message.id)) {
          const waiter = this.pending.get(message.id)!;
          this.pending.delete(message.id);
          if (message.error) waiter.reject(new Error(message.error.message));
          else waiter.resolve(message.result ?? {});
        } else {
          for (const listener of this.listeners) listener(message);
        }
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<CommandResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

export async function inspectPage<V>(
  chromium: string,
  file: string,
  evaluate: string,
  viewport: { width: number; height: number } = { width: 1000, height: 1400 },
): Promise<Inspection<V>> {
  const profile = mkdtempSync(join(tmpdir(), 'ebm-lens-chromium-'));
  let child: ChildProcess | undefined;
  try {
    child = spawn(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--no-first-run',
        '--no-default-browser-check',
        '--hide-scrollbars',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const pipe = new Pipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const exited = new Promise<never>((_, reject) =>
      child!.on('exit', (code) => {
        const error = new Error(
          `chromium exited (code ${code}) before the inspection finished: ${stderr.join('').slice(-500)}`,
        );
        pipe.failAll(error);
        reject(error);
      }),
    );
    exited.catch(() => undefined);

    const problems: PageProblem[] = [];
    let loaded: () => void = () => undefined;
    const load = new Promise<void>((resolve) => (loaded = resolve));
    pipe.on((m) => {
      const p: EventParams = m.params ?? {};
      if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
        problems.push({ kind: 'console', text: (p.args ?? []).map((a) => a.value ?? a.description ?? '').join(' ') });
      } else if (m.method === 'Runtime.exceptionThrown') {
        problems.push({
          kind: 'exception',
          text: p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text ?? 'exception',
        });
      } else if (m.method === 'Log.entryAdded' && p.entry?.level === 'error') {
        problems.push({
          kind: 'log',
          text: `${p.entry.source}: ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ''}`,
        });
      } else if (m.method === 'Network.requestWillBeSent') {
        const url = String(p.request?.url ?? '');
        if (!url.startsWith('file:') && !url.startsWith('data:')) problems.push({ kind: 'request', text: url });
      } else if (m.method === 'Page.loadEventFired') {
        loaded();
      }
    });

    const run = async (): Promise<Inspection<V>> => {
      const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await pipe.send('Target.attachToTarget', { targetId, flatten: true });
      const send = (method: string, params: Record<string, unknown> = {}) => pipe.send(method, params, sessionId);
      await send('Runtime.enable');
      await send('Log.enable');
      await send('Network.enable');
      await send('Page.enable');
      await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
      await send('Page.navigate', { url: pathToFileURL(file).href });
      await load;
      const evaluated = await send('Runtime.evaluate', {
        expression: evaluate,
        returnByValue: true,
        awaitPromise: true,
      });
      if (evaluated.exceptionDetails)
        throw new Error(
          `evaluation failed: ${evaluated.exceptionDetails.exception?.description ?? evaluated.exceptionDetails.text}`,
        );
      const shot = await send('Page.captureScreenshot', { format: 'png' });
      const printed = await send('Page.printToPDF', { preferCSSPageSize: true, printBackground: false });
      await pipe.send('Browser.close').catch(() => undefined);
      return {
        value: evaluated.result!.value as V,
        problems,
        screenshot: Buffer.from(String(shot.data), 'base64'),
        pdf: Buffer.from(String(printed.data), 'base64'),
      };
    };
    return await withTimeout(Promise.race([run(), exited]), 60_000, `inspecting ${file}`);
  } finally {
    if (child !== undefined) await stop(child);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Wait up to 5 s for the browser to exit after Browser.close, then kill it (only this process, by its handle). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
