// Dated parameters: each value holds from its year until the next key; before the first key the
// parameter has its default (docs/model.md §4.2 and §5).
import type { Timeline } from './types.js';

export function valueAt(tl: Timeline, year: number): number {
  let v = tl.initial;
  for (const [y, x] of tl.steps) {
    if (y > year) break;
    v = x;
  }
  return v;
}

export function constant(value: number): Timeline {
  return { initial: value, steps: [] };
}

/** Whether a policy dated `from` (null = never) is in force in year t. */
export function inForce(from: number | null, t: number): boolean {
  return from !== null && t >= from;
}
