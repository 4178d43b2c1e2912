// Checks of one resource against another that the loader makes as it reads them (docs/model.md §3):
// every LA's children looked after at the base date, placements against those children, and costs
// for the placements. Each waits for the files it compares to be read whole, so that one bad row
// does not show as a second problem here (docs/methodology.md, "Checks on the data").
import { compareCodes } from '../model/rounding.js';
import { OUTSIDE_WALES, isMarketType, type CostRow, type DemandPoint, type LocalAuthority, type PlacementRow } from '../model/types.js';
import type { Located } from './capacity.js';
import type { LoadProblems } from './load-problems.js';
import type { DemandHistory } from './readers.js';
import type { ResourceRows } from './rows.js';

/** Each LA's children looked after at the base date, from its first row there. */
export type DemandAtBase = Map<string, Located<DemandPoint>>;

export function demandAtBase(demand: DemandHistory, nationCode: string): DemandAtBase {
  const out: DemandAtBase = new Map();
  for (const d of demand.at) {
    if (d.row.asAt === demand.baseDate && d.row.laCode !== nationCode && !out.has(d.row.laCode)) out.set(d.row.laCode, d);
  }
  return out;
}

export interface BaseDateInput {
  res: ResourceRows | null;
  demand: DemandHistory;
  atBase: DemandAtBase;
  las: readonly LocalAuthority[];
  /** LAs with a demand_history row that failed its schema: such an LA may be missing at the base date only because of that row. */
  tainted: ReadonlySet<string>;
  label: (code: string) => string;
}

/** Every LA needs its children looked after at the base date (the latest as_at), and the resource some row. */
export function checkDemandAtBase(input: BaseDateInput, problems: LoadProblems): void {
  const { res, demand, atBase, tainted, label } = input;
  if (res === null || !res.complete) return;
  if (demand.baseYear !== null) {
    for (const la of input.las) {
      if (!atBase.has(la.code) && !tainted.has(la.code)) {
        problems.error(res.files[0], null, null, `no row for ${label(la.code)} at ${demand.baseDate}: every LA needs its children looked after at the base date (the latest as_at)`);
      }
    }
  } else if (res.rows.length === 0) {
    problems.error(res.files[0], null, null, 'no rows: expected children looked after per LA at one or more 31 Marches');
  }
}

/** An LA's placements hold its children looked after at the base date, within 1% (docs/model.md §3). */
export function checkPlacementsAgainstDemand(
  res: ResourceRows | null,
  placements: readonly PlacementRow[],
  /** LAs with a placements row that failed its schema or was set aside: their total is not known. */
  tainted: ReadonlySet<string>,
  demand: { baseDate: string; atBase: DemandAtBase },
  label: (code: string) => string,
  problems: LoadProblems,
): void {
  if (res === null || !res.complete || demand.baseDate === '') return;
  const placed = new Map<string, number>();
  for (const row of placements) placed.set(row.laCode, (placed.get(row.laCode) ?? 0) + row.children);
  for (const [code, d] of demand.atBase) {
    if (tainted.has(code)) continue;
    const p = placed.get(code) ?? 0;
    const children = d.row.children;
    if (Math.abs(p - children) > 0.01 * children + 1e-9) {
      const gap = children > 0 ? ((100 * Math.abs(p - children)) / children).toFixed(1) : '∞';
      problems.error(d.file, d.line, 'children', `${label(code)} has ${children} children looked after at ${demand.baseDate} here, but placements hold ${p} (${gap}% apart; at most 1% allowed)`);
    }
  }
}

/**
 * Market placements without a cost warn, per type, sector and location: a placement is priced by its
 * LA's own row or, failing that, the all-Wales row, and one without either leaves cost_gbp empty.
 */
export function checkCostsCover(costRes: ResourceRows | null, placementRes: ResourceRows | null, costs: readonly CostRow[], placements: readonly PlacementRow[], problems: LoadProblems): void {
  if (costRes === null || !costRes.complete || !placementRes?.complete || costRes.rows.some((r) => r.parsed === null)) return;
  const costed = new Set(costs.map((c) => `${c.placementType}|${c.sector}|${c.location}|${c.laCode ?? ''}`));
  const uncosted = new Map<string, number>();
  for (const row of placements) {
    if (!isMarketType(row.placementType) || row.sector === null || row.host === null || row.children === 0) continue;
    const k = `${row.placementType}|${row.sector}|${row.host === OUTSIDE_WALES ? 'outside_wales' : 'in_wales'}`;
    if (!costed.has(`${k}|`) && !costed.has(`${k}|${row.laCode}`)) uncosted.set(k, (uncosted.get(k) ?? 0) + row.children);
  }
  for (const [k, n] of [...uncosted].sort(([a], [b]) => compareCodes(a, b))) {
    const [type, sector, location] = k.split('|');
    problems.warn(costRes.files[0], null, null, `no cost for ${sector} ${type} ${location}: placements hold ${n} such children, so cost_gbp will be empty for their areas`);
  }
}
