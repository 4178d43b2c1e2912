// Which parameters differ between two scenarios once `extends` is resolved (docs/methodology.md,
// "The scenario library compares like with like"): what `diff` states before its summary, in the
// table, the CSV's sidecar, the workbook's about sheet and the report, so that no difference in the
// results is blamed on the wrong cause.
import { REGISTRY } from './registry.js';
import { canonicalJson } from './hash.js';

/** A scenario's log of parameters in force (LoadedScenario, or its provenance). */
type Logged = { parameters: ReadonlyArray<{ path: string; value: unknown }> };

/** One parameter in force in A or B with different values; a side without the key has it not in force. */
export interface ParameterDifference {
  path: string;
  a?: unknown;
  b?: unknown;
}

/** How many differences the table and the about sheet list before "and N more". */
export const DIFFERENCES_LISTED = 10;

/**
 * The registry row a logged path belongs to: `demand.rate.2026` -> demand.rate; a list item's
 * fields go with their list (`transitions[1].exit` -> transitions), so that an item stays together.
 */
function rowIndex(path: string): number {
  const general = path.includes('[') ? path.slice(0, path.indexOf('[')) : path;
  let best = -1;
  let bestLength = -1;
  REGISTRY.forEach((row, i) => {
    const p = row.path;
    const fits = general === p || general.startsWith(`${p}.`) || general.startsWith(`${p}[`);
    if (fits && p.length > bestLength) {
      best = i;
      bestLength = p.length;
    }
  });
  return best === -1 ? REGISTRY.length : best;
}

/**
 * The parameters in force whose values differ between A and B (sources aside), in the registry's
 * order; within a row, in the order A logs them, then B's own.
 */
export function parametersThatDiffer(a: Logged, b: Logged): ParameterDifference[] {
  const inA = new Map(a.parameters.map((p) => [p.path, p.value]));
  const inB = new Map(b.parameters.map((p) => [p.path, p.value]));
  const paths = [...new Set([...a.parameters.map((p) => p.path), ...b.parameters.map((p) => p.path)])];
  const order = new Map(paths.map((p, i) => [p, i]));
  return paths
    .filter((p) => !inA.has(p) || !inB.has(p) || canonicalJson(inA.get(p)) !== canonicalJson(inB.get(p)))
    .sort((x, y) => rowIndex(x) - rowIndex(y) || order.get(x)! - order.get(y)!)
    .map((p) => ({ path: p, ...(inA.has(p) ? { a: inA.get(p) } : {}), ...(inB.has(p) ? { b: inB.get(p) } : {}) }));
}

/** A value as the lists show it: text as written, anything else as compact JSON; absent, `notInForce`. */
function valueText(v: unknown, has: boolean, notInForce: string): string {
  if (!has) return notInForce;
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

export interface DifferenceRow {
  path: string;
  a: string;
  b: string;
}

/** The rows the table, the about sheet and the report show (the first ten), and how many are left out. */
export function differenceRows(list: readonly ParameterDifference[], notInForce: string): { rows: DifferenceRow[]; more: number } {
  const rows = list.slice(0, DIFFERENCES_LISTED).map((d) => ({ path: d.path, a: valueText(d.a, 'a' in d, notInForce), b: valueText(d.b, 'b' in d, notInForce) }));
  return { rows, more: Math.max(0, list.length - DIFFERENCES_LISTED) };
}
