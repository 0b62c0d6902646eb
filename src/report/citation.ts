/**
 * What a report cites: the paper whose claims are checked, and this tool.
 *
 * Main definitions
 * - `PAPER`: title, authors, arXiv identifier and BibTeX of arXiv:2512.18730.
 * - `toolBibtex(version)`: the BibTeX entry of ebm-lens at a version.
 */
export const PAPER = {
  title: 'A Theoretical Lens for RL-Tuned Language Models via Energy-Based Models',
  authors: ['Z. Tan', 'Y. Hong'],
  year: 2025,
  arxiv: '2512.18730',
  bibtex: [
    '@misc{tan2025theoretical,',
    '  title={A Theoretical Lens for RL-Tuned Language Models via Energy-Based Models},',
    '  author={Tan, Z. and Hong, Y.},',
    '  year={2025},',
    '  eprint={2512.18730},',
    '  archivePrefix={arXiv}',
    '}',
  ].join('\n'),
} as const;

export function toolBibtex(version: string): string {
  return [
    '@software{ebm_lens,',
    '  title={ebm-lens: a symbolic-plus-numeric proof checker for the claims of arXiv:2512.18730},',
    '  author={{ebm-lens developers}},',
    `  version={${version}},`,
    '  year={2026},',
    '  note={Exact, interval and float64 arithmetic; certified identities; property suites with mutants and ablations}',
    '}',
  ].join('\n');
}
