// The scenario's parameter hash (docs/model.md §5): the same parameters always give the same hash,
// whatever the files' layout, comments or key order.
import { createHash } from 'node:crypto';
import { isPlainObject } from './params.js';
import type { ScenarioSpec } from './normalise.js';

/**
 * The version of what the hash is taken over. It goes up whenever the same scenario file would give
 * another spec (a new parameter, a new default, a new rule of what the spec holds), so that a hash
 * of one version is never mistaken for one of another; nothing else is done to keep old hashes.
 */
export const HASH_VERSION = 2;

/** sha256 (hex) of the canonical JSON of the hash's version and the spec. */
export function scenarioHash(spec: ScenarioSpec): string {
  return createHash('sha256').update(canonicalJson({ hashVersion: HASH_VERSION, spec })).digest('hex');
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
