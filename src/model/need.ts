// Rule 1, need: children looked after per LA and year, and their split by placement type.
import { largestRemainderInOrder, roundHalfUp } from './rounding.js';
import { valueAt } from './timeline.js';
import { PLACEMENT_TYPES, type Dataset, type ModelScenario, type PlacementType } from './types.js';

export type NeedByType = Record<PlacementType, number>;

/** Every type at 0, its keys in PLACEMENT_TYPES order (a literal: this runs per LA and year). */
export function zeroByType(): NeedByType {
  return { foster: 0, residential: 0, secure: 0, kinship: 0, parents: 0, adoption: 0, independent: 0, other: 0 };
}

export interface NeedModel {
  childrenLookedAfter(la: string, t: number): number;
  needByType(la: string, t: number): NeedByType;
  /** Children at the base date by type, from `placements` (the base state). */
  basePlacements(la: string): NeedByType;
}

export function makeNeedModel(dataset: Dataset, scenario: ModelScenario): NeedModel {
  const B = dataset.baseYear;
  const base = new Map<string, NeedByType>();
  for (const la of dataset.localAuthorities) base.set(la.code, zeroByType());
  for (const row of dataset.placements) {
    const mix = base.get(row.laCode);
    if (mix) mix[row.placementType] += row.children;
  }
  const history = new Map<string, Array<[number, number]>>();
  for (const p of dataset.demandHistory) {
    const list = history.get(p.laCode) ?? [];
    list.push([p.year, p.children]);
    history.set(p.laCode, list);
  }
  for (const list of history.values()) list.sort((a, b) => a[0] - b[0]);

  const atBase = (la: string): number => {
    const point = history.get(la)?.find(([y]) => y === B);
    if (point) return point[1];
    return PLACEMENT_TYPES.reduce((s, t) => s + (base.get(la)?.[t] ?? 0), 0);
  };

  // By LA, then year: a key string built and hashed per call cost more than the lookup saved.
  const cache = new Map<string, Map<number, number>>();
  function childrenLookedAfter(la: string, t: number): number {
    let byYear = cache.get(la);
    if (byYear === undefined) {
      byYear = new Map();
      cache.set(la, byYear);
    }
    const hit = byYear.get(t);
    if (hit !== undefined) return hit;
    let c: number;
    const rule = scenario.demand;
    if (rule.method === 'change') {
      const rate = rule.rateByLa[la] ?? rule.rate;
      let factor = 1;
      for (let u = B; u <= t; u++) factor *= 1 + valueAt(rate, u);
      c = roundHalfUp(Math.max(0, atBase(la) * factor));
    } else {
      c = Math.max(0, roundHalfUp(trendAt(history.get(la) ?? [[B, atBase(la)]], rule.trendYears, t + 1)));
    }
    byYear.set(t, c);
    return c;
  }

  function mixAt(la: string, t: number): NeedByType {
    const counts = base.get(la) ?? zeroByType();
    const total = PLACEMENT_TYPES.reduce((s, ty) => s + counts[ty], 0);
    const w = zeroByType();
    if (total === 0) {
      // No base placements to take a mix from: count every child as non-market "other" care.
      w.other = 1;
      return w;
    }
    for (const ty of PLACEMENT_TYPES) w[ty] = counts[ty] / total;
    for (let u = B; u <= t; u++) {
      for (const shift of scenario.mixShift) {
        const moved = w[shift.from] * valueAt(shift.share, u);
        w[shift.from] -= moved;
        w[shift.to] += moved;
      }
    }
    return w;
  }

  function needByType(la: string, t: number): NeedByType {
    const c = childrenLookedAfter(la, t);
    const w = mixAt(la, t);
    const exact = PLACEMENT_TYPES.map((ty) => c * w[ty]);
    // One LA's cells listed in type order are in tie-key order already.
    const shares = largestRemainderInOrder(exact);
    const out = zeroByType();
    PLACEMENT_TYPES.forEach((ty, i) => (out[ty] = shares[i]));
    return out;
  }

  return { childrenLookedAfter, needByType, basePlacements: (la) => ({ ...(base.get(la) ?? zeroByType()) }) };
}

/** The least-squares line through the last `years` points, evaluated at year x. */
export function trendAt(points: ReadonlyArray<readonly [number, number]>, years: number, x: number): number {
  const last = points.slice(-Math.max(1, years));
  const n = last.length;
  const mx = last.reduce((s, p) => s + p[0], 0) / n;
  const my = last.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [px, py] of last) {
    sxx += (px - mx) ** 2;
    sxy += (px - mx) * (py - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return my + slope * (x - mx);
}
