// The scenario's parameter hash (docs/model.md §5): the same parameters always give the same hash,
// whatever the files' layout, comments or key order.
import { createHash } from 'node:crypto';
import { isPlainObject } from './params.js';
import type { ScenarioSpec } from './normalise.js';

/** sha256 (hex) of the canonical JSON of the spec. */
export function scenarioHash(spec: ScenarioSpec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}

/** JSON with object keys sorted at every level: the same scenario always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
