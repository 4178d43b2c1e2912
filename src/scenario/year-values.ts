// Year values written as financial years (`year: 2027-28` of a transition, `horizon: { to: 2035-36 }`)
// are read as the year they start in, as year keys are (docs/methodology.md, "Writing a scenario").
import type { Problem } from '../errors.js';
import { startOfFinancialYear } from './financial-year.js';
import { registryValues } from './horizon.js';
import { isPlainObject } from './params.js';
import { REGISTRY } from './registry.js';
import { locate, type PathSeg, type ScenarioFile } from './yaml.js';

/**
 * Rewrites, in the file's data, each value of a year parameter written as a financial year; returns
 * a problem at each one written like a financial year that is not one (`2027-29`).
 */
export function readFinancialYearValues(f: ScenarioFile): Problem[] {
  if (!isPlainObject(f.data)) return [];
  const out: Problem[] = [];
  for (const row of REGISTRY) {
    if (row.kind !== 'year') continue;
    for (const [at, v] of registryValues(f.data, row.path)) {
      const fy = typeof v === 'string' ? startOfFinancialYear(v) : null;
      if (fy === null) continue;
      if ('year' in fy) {
        setIn(f.data, at, fy.year);
        continue;
      }
      const pos = locate(f, at);
      out.push({ file: f.shown, line: pos.line, column: pos.col, message: `${shownPath(at)}: ${fy.problem}`, severity: 'error' });
    }
  }
  return out;
}

/** Sets the value at `at`; a map standing where the path has index 0 is that one item. */
function setIn(root: Record<string, unknown>, at: readonly PathSeg[], value: unknown): void {
  let node: unknown = root;
  for (const seg of at.slice(0, -1)) {
    if (seg === 0 && isPlainObject(node)) continue;
    node = (node as Record<string | number, unknown>)[seg];
  }
  (node as Record<string | number, unknown>)[at[at.length - 1]] = value;
}

const shownPath = (p: readonly PathSeg[]): string => p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
