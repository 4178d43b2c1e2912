// Which years a command shows (docs/model.md §2): the scenario's horizon unless --from and --to
// say otherwise, never before the data's base row.
import { UsageError } from '../errors.js';

export interface YearRange {
  from: number;
  to: number;
}

/**
 * The years shown: by default the scenario's horizon (`horizon.from`, else the base row B−1, to
 * `horizon.to`). --to beyond the horizon runs the model further (each parameter keeps its last
 * value); --from before the base row or after --to is a usage error. The model itself always starts
 * from the base year.
 */
export function resolveYears(opts: { from: number | null; to: number | null }, baseYear: number, horizon: { from: number | null; to: number }): YearRange {
  const first = baseYear - 1;
  const to = opts.to ?? horizon.to;
  // A scenario's own first year gives way to an earlier --to rather than making an empty range.
  const from = opts.from ?? (horizon.from !== null && horizon.from <= to ? horizon.from : first);
  if (from < first) {
    throw new UsageError(`--from ${from}: the data's base date is 31 March ${baseYear}, so the first row is year ${first} (the base state)`);
  }
  if (to < first) throw new UsageError(`--to ${to}: the data's base date is 31 March ${baseYear}, so the first row is year ${first}`);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** The years two scenarios both cover: the later first year (the base row counts as earliest) and the earlier last year. */
export function commonHorizon(a: { from: number | null; to: number }, b: { from: number | null; to: number }): { from: number | null; to: number } {
  const from = a.from === null ? b.from : b.from === null ? a.from : Math.max(a.from, b.from);
  return { from, to: Math.min(a.to, b.to) };
}
