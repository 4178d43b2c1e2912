// Demand from flows into and out of care (docs/model.md §4.4): each year an LA's children looked
// after are last year's, plus the children who start to be looked after, less those who cease.
//
//   C(ℓ,t) = C(ℓ,t−1) + entries(ℓ,t) − exits(ℓ,t)
//   entries(ℓ,t) = round(base entries(ℓ) × (1 + entries_change(t))) + extra entries(ℓ,t)
//   exits(ℓ,t)   = round(C(ℓ,t−1) ÷ mean_years_in_care(ℓ,t))
//
// Each rounded half up and never below 0. Pure: the need model and the backtest both step with it.
import { compareCodes, largestRemainderInOrder, roundHalfUp } from './rounding.js';
import type { FlowRow } from './types.js';

export interface FlowYear {
  entries: number;
  exits: number;
  /** Children looked after at the year's end. */
  end: number;
}

/**
 * One year of one LA. Exits are capped at the children there were to leave (those at the start and
 * those who entered), so that end = start + entries − exits holds and is never below 0. A mean time
 * in care of 0 or less (a draw clamped to 0) means every child leaves within the year.
 */
export function flowYear(start: number, entries: number, meanYearsInCare: number): FlowYear {
  const e = Math.max(0, entries);
  const wanted = meanYearsInCare > 0 ? roundHalfUp(start / meanYearsInCare) : start;
  const exits = Math.min(Math.max(0, wanted), start + e);
  return { entries: e, exits, end: start + e - exits };
}

/** Entries of a year after the scenario's change: round(base × (1 + change)), never below 0. */
export function changedEntries(base: number, change: number): number {
  return Math.max(0, roundHalfUp(base * (1 + change)));
}

/**
 * `total` shared over LAs in proportion to `weights` (children looked after) by largest remainder,
 * ties in LA code order. Equal shares when every weight is 0.
 */
export function shareByLa(total: number, weights: ReadonlyMap<string, number>): Map<string, number> {
  const codes = [...weights.keys()].sort(compareCodes);
  const sum = codes.reduce((s, c) => s + Math.max(0, weights.get(c)!), 0);
  const exact = codes.map((c) => (sum > 0 ? (total * Math.max(0, weights.get(c)!)) / sum : codes.length > 0 ? total / codes.length : 0));
  const shares = largestRemainderInOrder(exact);
  return new Map(codes.map((c, i) => [c, shares[i]]));
}

export interface BaseFlows {
  /** Entries of each LA in the year that ends at the origin date. */
  entries: Map<string, number>;
  ceased: Map<string, number>;
  /** LAs whose entries were shared from the nation's row rather than read from their own. */
  shared: string[];
}

/**
 * Each LA's flows in financial year `year` (the year that ends on the origin date): its own row, or,
 * where it has none, the nation's row less the LAs with their own rows, shared over the others by
 * their children looked after at the origin (`stock`). Null when an LA has neither.
 */
export function flowsInYear(rows: readonly FlowRow[], year: number, stock: ReadonlyMap<string, number>, nationCode: string): BaseFlows | null {
  const own = new Map<string, FlowRow>();
  let nation: FlowRow | null = null;
  for (const r of rows) {
    if (r.year !== year) continue;
    if (r.laCode === nationCode) nation = r;
    else if (stock.has(r.laCode)) own.set(r.laCode, r);
  }
  const rest = new Map([...stock].filter(([la]) => !own.has(la)));
  if (rest.size > 0 && nation === null) return null;
  const entries = new Map<string, number>();
  const ceased = new Map<string, number>();
  for (const [la, r] of own) {
    entries.set(la, r.started);
    ceased.set(la, r.ceased);
  }
  if (rest.size > 0 && nation !== null) {
    const ownStarted = [...own.values()].reduce((s, r) => s + r.started, 0);
    const ownCeased = [...own.values()].reduce((s, r) => s + r.ceased, 0);
    for (const [la, n] of shareByLa(Math.max(0, nation.started - ownStarted), rest)) entries.set(la, n);
    for (const [la, n] of shareByLa(Math.max(0, nation.ceased - ownCeased), rest)) ceased.set(la, n);
  }
  return { entries, ceased, shared: [...rest.keys()].sort(compareCodes) };
}
