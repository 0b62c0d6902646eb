/**
 * Reading a model file: the text, then JSON, then a top-level object.
 *
 * Main definitions
 * - `readJsonFile(path)`: the parsed JSON object of a file, or an `InputError`
 *   naming the file (missing, unreadable, empty, invalid JSON, not an object).
 * - `parseJsonText(text, name)`: the same for text already read.
 * - `duplicateKeyPath(text)`: the JSON path (`a.b[2].c`) of the first key
 *   repeated within one object of a valid JSON text, or undefined. JSON.parse
 *   silently keeps the last of two equal keys; a model file with two `kernel`
 *   fields is rejected instead, naming the key.
 *
 * Implementation details
 * `JSON.parse` reads numbers as float64, which would round a long decimal
 * such as 0.12345678901234567890123. So a valid text is parsed a second time
 * with every number token (outside strings) turned into a string of the same
 * characters; `parseRational` then reads it exactly. Node 20's JSON.parse
 * offers no access to number source text, hence this pass.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

export function readJsonFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(path, problem, 'give the path of a MODEL.json file');
  }
  return parseJsonText(text, path);
}

export function parseJsonText(text: string, name: string): Record<string, unknown> {
  if (text.trim() === '')
    throw new InputError(name, 'the file is empty', 'write one JSON object (see the examples/ directory)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(
      name,
      `invalid JSON (${detail})`,
      'fix the JSON syntax (a validator such as `node -e "JSON.parse(...)"` shows the spot)',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(name, 'the top level is not a JSON object', 'write one object { ... } with the model fields');
  }
  const duplicate = duplicateKeyPath(text);
  if (duplicate !== undefined) {
    throw new InputError(
      `${name}: ${duplicate}`,
      'the key appears twice in the same object (JSON keeps only the last)',
      'give each field once',
    );
  }
  return JSON.parse(quoteNumbers(text)) as Record<string, unknown>;
}

/** The text with each number token outside strings quoted; valid JSON stays valid. */
function quoteNumbers(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `"${token}"`,
  );
}

interface ObjectFrame {
  kind: 'object';
  path: string;
  keys: Set<string>;
  key: string | undefined;
  expectKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  path: string;
  index: number;
}

/** The path of a value inside the innermost open object or array. */
function childPath(frame: ObjectFrame | ArrayFrame | undefined): string {
  if (frame === undefined) return '';
  if (frame.kind === 'array') return `${frame.path}[${frame.index}]`;
  return frame.path === '' ? frame.key! : `${frame.path}.${frame.key!}`;
}

/** For a text that JSON.parse accepts: the path of the first repeated key, if any. */
export function duplicateKeyPath(text: string): string | undefined {
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  const string = /"(?:[^"\\]|\\.)*"/y;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '"') {
      string.lastIndex = i;
      const token = string.exec(text)![0];
      i += token.length;
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(token) as string;
        top.key = key;
        top.expectKey = false;
        if (top.keys.has(key)) return childPath(top);
        top.keys.add(key);
      }
      continue;
    }
    if (c === '{')
      stack.push({ kind: 'object', path: childPath(top), keys: new Set(), key: undefined, expectKey: true });
    else if (c === '[') stack.push({ kind: 'array', path: childPath(top), index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top !== undefined) {
      if (top.kind === 'array') top.index += 1;
      else top.expectKey = true;
    }
    i += 1;
  }
  return undefined;
}
