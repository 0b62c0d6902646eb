/**
 * CITATION.cff: the structure CFF 1.2.0 requires (checked by a small reader of
 * the YAML subset the file uses, since no CFF validator is available offline),
 * kept in step with package.json and with the BibTeX the reports carry.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PAPER, toolBibtex } from '../../src/report/citation.js';

type Yaml = string | number | Yaml[] | { [key: string]: Yaml };

/** Block mappings, block sequences and scalars (plain, double-quoted, integers); no flow style, anchors or multi-line scalars. */
function parseYamlSubset(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw, k) => ({ indent: raw.length - raw.trimStart().length, body: raw.trim(), number: k + 1 }))
    .filter((l) => l.body !== '' && !l.body.startsWith('#'));
  let at = 0;
  const scalar = (s: string): Yaml => {
    if (s.startsWith('"')) {
      if (!s.endsWith('"') || s.length < 2) throw new Error(`unterminated string: ${s}`);
      return JSON.parse(s) as string;
    }
    if (/^-?\d+$/.test(s)) return Number(s);
    if (/^[[{&*!|>'%@`]/.test(s)) throw new Error(`unsupported YAML: ${s}`);
    return s;
  };
  const block = (indent: number): Yaml => {
    const first = lines[at]!;
    if (first.indent !== indent)
      throw new Error(`line ${first.number}: indentation ${first.indent}, expected ${indent}`);
    if (first.body.startsWith('- ')) {
      const list: Yaml[] = [];
      while (at < lines.length && lines[at]!.indent === indent && lines[at]!.body.startsWith('- ')) {
        const line = lines[at]!;
        const rest = line.body.slice(2);
        if (/^[\w-]+:( |$)/.test(rest)) {
          // "- key: value" opens a mapping whose other keys sit two columns further in
          lines[at] = { ...line, indent: indent + 2, body: rest };
          list.push(block(indent + 2));
        } else {
          list.push(scalar(rest));
          at += 1;
        }
      }
      return list;
    }
    const map: Record<string, Yaml> = {};
    while (at < lines.length && lines[at]!.indent === indent && !lines[at]!.body.startsWith('- ')) {
      const line = lines[at]!;
      const match = /^([\w-]+):(?: (.*))?$/.exec(line.body);
      if (match === null) throw new Error(`line ${line.number}: not a key: ${line.body}`);
      const [, key, value] = match;
      if (key! in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
      at += 1;
      if (value !== undefined && value !== '') map[key!] = scalar(value);
      else {
        const next = lines[at];
        if (next === undefined || next.indent < indent || (next.indent === indent && !next.body.startsWith('- ')))
          throw new Error(`line ${line.number}: ${key} has no value`);
        map[key!] = block(next.indent);
      }
    }
    return map;
  };
  const root = block(0);
  if (at !== lines.length) throw new Error(`line ${lines[at]!.number}: unexpected indentation`);
  return root;
}

/** The fields of CITATION.cff these tests read. */
interface Cff {
  [key: string]: Yaml;
  message: string;
  title: string;
  authors: { [key: string]: Yaml }[];
  references: { [key: string]: Yaml }[];
}

const cff = parseYamlSubset(readFileSync('CITATION.cff', 'utf8')) as Cff;
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; license: string };

describe('CITATION.cff', () => {
  it('has the keys CFF 1.2.0 requires, with valid values', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(cff.message.length).toBeGreaterThan(10);
    expect(typeof cff.title).toBe('string');
    expect(Array.isArray(cff.authors) && cff.authors.length > 0).toBe(true);
    for (const author of cff.authors)
      expect(typeof author.name === 'string' || typeof author['family-names'] === 'string').toBe(true);
    expect(['software', 'dataset']).toContain(cff.type);
    const allowed = new Set([
      'abstract',
      'authors',
      'cff-version',
      'commit',
      'contact',
      'date-released',
      'doi',
      'identifiers',
      'keywords',
      'license',
      'license-url',
      'message',
      'preferred-citation',
      'references',
      'repository',
      'repository-artifact',
      'repository-code',
      'title',
      'type',
      'url',
      'version',
    ]);
    for (const key of Object.keys(cff)) expect(allowed.has(key), key).toBe(true);
  });

  it('names the tool, its version, license and authors as package.json and the reports do', () => {
    expect(cff.title.startsWith(`${manifest.name}:`)).toBe(true);
    expect(cff.version).toBe(manifest.version);
    expect(cff.license).toBe(manifest.license);
    expect(cff.license).toBe('MIT');
    expect(cff.authors).toEqual([{ name: 'ebm-lens developers' }]);
    const bibtex = toolBibtex(manifest.version);
    expect(bibtex).toContain(`title={${cff.title}}`);
    expect(bibtex).toContain('author={{ebm-lens developers}}');
    expect(bibtex).toContain(`version={${manifest.version}}`);
  });

  it('references the paper as the reports cite it', () => {
    expect(cff.references).toHaveLength(1);
    const paper = cff.references[0]!;
    expect(paper.type).toBe('article');
    expect(paper.title).toBe(PAPER.title);
    expect(paper.year).toBe(PAPER.year);
    expect(paper.authors).toEqual([
      { 'family-names': 'Tan', 'given-names': 'Z.' },
      { 'family-names': 'Hong', 'given-names': 'Y.' },
    ]);
    expect(paper.identifiers).toEqual([
      { type: 'other', value: `arXiv:${PAPER.arxiv}`, description: 'arXiv identifier' },
    ]);
    expect(paper.url).toBe(`https://arxiv.org/abs/${PAPER.arxiv}`);
    expect(PAPER.bibtex).toContain(`eprint={${PAPER.arxiv}}`);
  });

  it('the reader rejects what it does not understand', () => {
    expect(() => parseYamlSubset('a: [1, 2]')).toThrow(/unsupported/);
    expect(() => parseYamlSubset('a: 1\na: 2')).toThrow(/duplicate/);
    expect(() => parseYamlSubset('a:\nb: 1')).toThrow(/no value/);
    expect(parseYamlSubset('a:\n  - b: "x y"\n    c: 2\n  - z\n')).toEqual({ a: [{ b: 'x y', c: 2 }, 'z'] });
  });
});
