// A scenario's problems as the analyst reads them: FILE:LINE:COLUMN: path: message, the file being
// the one of the `extends` chain that wrote the value (docs/model.md §5).
import type { Problem } from '../errors.js';
import type { Issue } from './schema.js';
import { locate, type PathSeg, type ScenarioFile } from './yaml.js';

/**
 * A checked issue as a problem of the file that wrote it. A list written as its one item
 * (`single`, e.g. `mix_shift: {from, to, share}`) keeps the path as written, without the [0].
 */
export function toProblem(iss: Issue, chain: ScenarioFile[], single: ReadonlySet<string>): Problem {
  const p = typeof iss.path[0] === 'string' && single.has(iss.path[0]) && iss.path[1] === 0 ? [iss.path[0], ...iss.path.slice(2)] : iss.path;
  const where = attribute(chain, iss.path, iss.atKey ?? false);
  return {
    file: where.file.shown,
    line: where.line,
    column: where.col,
    message: p.length > 0 ? `${pathText(p)}: ${iss.message}` : iss.message,
    severity: iss.severity ?? 'error',
  };
}

/** The file that wrote the value at `path`: the one reaching deepest into it, the child on a tie. */
function attribute(chain: ScenarioFile[], p: PathSeg[], atKey: boolean): { file: ScenarioFile; line: number; col: number } {
  let best: { file: ScenarioFile; depth: number; line: number; col: number } | null = null;
  for (const f of chain) {
    const at = locate(f, p, atKey);
    if (best === null || at.depth > best.depth) best = { file: f, ...at };
  }
  return best!;
}

export function problemAt(f: ScenarioFile, p: PathSeg[], message: string): Problem {
  const at = locate(f, p);
  return { file: f.shown, line: at.line, column: at.col, message, severity: 'error' };
}

export function pathText(p: PathSeg[]): string {
  let s = '';
  for (const seg of p) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s;
}
