// Dated values past the horizon (docs/methodology.md, "Writing a scenario"): a transition, a home or
// a year key dated after the last year projected never takes effect, which is almost always a slip
// (a regional home dated 2045 in a scenario that ends in 2035), so each is a warning at its place.
import { isDistribution } from '../model/distribution.js';
import { isPlainObject, isValueWithSource, isYearMapObject } from './params.js';
import { REGISTRY, isNumericRow, type FixedRow } from './registry.js';
import { valueAt } from './params.js';
import type { Issue } from './schema.js';
import type { PathSeg } from './yaml.js';

/** The horizon's parameters themselves are not dated values. */
const HORIZON = /^horizon\./;

/**
 * A warning for each year value (`transitions[0].year`, `policy.fp_new_placements_end`) and each year
 * key of a year map after `horizonTo`, in registry order. `horizonTo` is the merged scenario's last
 * year projected (its default filled in by the caller).
 */
export function pastHorizon(merged: Record<string, unknown>, horizonTo: number): Issue[] {
  const out: Issue[] = [];
  const late = (y: number): string => `${y} is after the horizon (horizon.to ${horizonTo}): it never takes effect; extend horizon.to or correct the year`;
  for (const row of REGISTRY) {
    if (row.kind === 'list' || HORIZON.test(row.path)) continue;
    for (const [at, v] of registryValues(merged, row.path)) {
      if (row.kind === 'year' && Number.isInteger(v) && (v as number) > horizonTo) out.push({ path: at, severity: 'warning', message: late(v as number) });
      if (isNumericRow(row)) for (const [mapAt, map] of yearMapsIn(v, at)) for (const k of Object.keys(map)) if (Number(k) > horizonTo) out.push({ path: [...mapAt, k], atKey: true, severity: 'warning', message: late(Number(k)) });
    }
  }
  return out;
}

/** The values at a registry path, one per list item for a list's field (`transitions[].year`). */
export function registryValues(root: Record<string, unknown>, registryPath: string): Array<[PathSeg[], unknown]> {
  const [list, field] = registryPath.split('[].');
  if (field === undefined) return [[list.split('.'), valueAt(root, list.split('.'))]];
  const items = valueAt(root, list.split('.'));
  // A list written as its one item (`mix_shift: {from, to, share}`) is that item.
  const asList = Array.isArray(items) ? items : isPlainObject(items) ? [items] : [];
  return asList.map((item, i): [PathSeg[], unknown] => [[...list.split('.'), i, field], isPlainObject(item) ? item[field] : undefined]);
}

/** Every year map inside a parameter as written: itself, or those of a map by LA or by sector. */
function yearMapsIn(v: unknown, at: PathSeg[]): Array<[PathSeg[], Record<string, unknown>]> {
  if (isYearMapObject(v)) return [[at, v]];
  if (!isPlainObject(v) || isDistribution(v) || isValueWithSource(v)) return [];
  return Object.entries(v).flatMap(([k, inner]) => yearMapsIn(inner, [...at, k]));
}

/** The last year projected: `horizon.to` as written, else its registry default (base year + N); null when neither is known. */
export function horizonEnd(merged: Record<string, unknown>, baseYear: number | null): number | null {
  const to = valueAt(merged, ['horizon', 'to']);
  // A horizon ending before the base year is an error of its own: nothing is measured against it.
  if (typeof to === 'number') return Number.isInteger(to) && (baseYear === null || to >= baseYear) ? to : null;
  const d = (REGISTRY.find((r) => r.path === 'horizon.to') as FixedRow).default;
  return baseYear !== null && typeof d === 'object' && d !== null && 'baseYearPlus' in d ? baseYear + d.baseYearPlus : null;
}
