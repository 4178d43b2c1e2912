// Rule 3, continuing placements: displacement where places were cut, turnover, and endings where an
// LA's need for a type has fallen below the placements it holds.
import { roundSharesUnbiased, sharesToTotal } from './matching/unbiased.js';
import type { RandomSource } from './random.js';
import { largestRemainderInOrder, roundHalfUp } from './rounding.js';
import { PlacementState } from './state.js';
import { EXTERNAL, type MarketType, type PlacementGroup } from './types.js';
import type { CutUnits } from './supply.js';
import type { NeedByType } from './need.js';

/**
 * At each provider whose places were cut, the children beyond its remaining places move, shared over
 * its groups by largest remainder. Returns the displaced children per placing LA.
 */
export function displaceChildren(state: PlacementState, cut: CutUnits): Map<string, number> {
  const displaced = new Map<string, number>();
  for (const uk of [...cut].sort()) {
    const p = state.provider(uk);
    if (!p) continue;
    const groups = state.groupsAt(uk);
    const held = groups.reduce((s, g) => s + g.children, 0);
    const excess = held - p.places;
    if (excess <= 0) continue;
    const moving = largestRemainderInOrder(groups.map((g) => (excess * g.children) / held));
    groups.forEach((g, i) => {
      state.remove(g, moving[i]);
      displaced.set(g.laCode, (displaced.get(g.laCode) ?? 0) + moving[i]);
    });
  }
  return displaced;
}

/**
 * Where the run of groups of one placing LA and type that starts at `start` ends. The state lists
 * groups by LA, then type, so each LA and type is a run of consecutive groups, in key order (the
 * order largestRemainderInOrder relies on).
 */
function bucketEnd(groups: readonly PlacementGroup[], start: number): number {
  const { laCode, placementType } = groups[start];
  let end = start + 1;
  while (end < groups.length && groups[end].laCode === laCode && groups[end].placementType === placementType) end++;
  return end;
}

/**
 * A share of each group ends in the year (leaving care or moving on), rounded per LA and type; the
 * children of other authorities (EXTERNAL) are one more placing authority here. `ended` hears of
 * every group's endings (the external arrivals replace them provider by provider). `unbiased`: the
 * run's stream `turnover.rounding` (docs/methodology.md, "Unbiased endings"), which draws which
 * groups' endings round up, LA by LA and type by type in key order, the total rounded half up as
 * largest remainder rounds it; absent, largest remainder with ties in key order (docs/model.md §4.2).
 */
export function applyTurnover(
  state: PlacementState,
  share: (type: MarketType) => number,
  ended?: (g: PlacementGroup, n: number) => void,
  unbiased?: RandomSource,
): void {
  // The list as it stands before any ending: removing leaves it as it is.
  const groups = state.groupsInOrder();
  for (let start = 0; start < groups.length; ) {
    const end = bucketEnd(groups, start);
    const s = share(groups[start].placementType);
    if (s > 0) endShare(state, groups, start, end, s, ended, unbiased);
    start = end;
  }
}

/** applyTurnover for the groups start … end − 1 (one LA and type) at share `s`. */
function endShare(
  state: PlacementState,
  groups: readonly PlacementGroup[],
  start: number,
  end: number,
  s: number,
  ended: ((g: PlacementGroup, n: number) => void) | undefined,
  unbiased: RandomSource | undefined,
): void {
  if (end - start === 1 && unbiased !== undefined) {
    // A group alone in its LA and type: the unbiased rounding keeps the total, rounded half up, and
    // draws only where two cells are fractional, so it ends that total and draws nothing.
    const g = groups[start];
    const n = Math.min(roundHalfUp(s * g.children), g.children);
    state.remove(g, n);
    if (ended !== undefined && n > 0) ended(g, n);
    return;
  }
  const exact: number[] = [];
  // The total added from 0 in key order, as a reduce over the shares adds it.
  let total = 0;
  for (let i = start; i < end; i++) {
    const x = s * groups[i].children;
    exact.push(x);
    total += x;
  }
  const ending = unbiased === undefined ? largestRemainderInOrder(exact) : roundSharesUnbiased(exact, roundHalfUp(total), unbiased);
  for (let i = start; i < end; i++) {
    const g = groups[i];
    const n = Math.min(ending[i - start], g.children);
    state.remove(g, n);
    if (ended !== undefined && n > 0) ended(g, n);
  }
}

/**
 * Where an LA's continuing placements of a type still exceed its need, placements end one child at a
 * time from the currently largest group (ties in key order: the groups are scanned in key order and
 * only a larger group displaces the one found).
 */
export function endPlacementsAboveNeed(state: PlacementState, needOf: (la: string) => NeedByType): void {
  const groups = state.groupsInOrder();
  for (let start = 0; start < groups.length; ) {
    const end = bucketEnd(groups, start);
    const { laCode, placementType } = groups[start];
    // Other authorities' children have no need in the model: only turnover and cuts end theirs.
    if (laCode !== EXTERNAL) {
      let held = 0;
      for (let i = start; i < end; i++) held += groups[i].children;
      let excess = held - needOf(laCode)[placementType];
      while (excess > 0) {
        let largest: PlacementGroup | null = null;
        for (let i = start; i < end; i++) {
          const g = groups[i];
          if (g.children > 0 && (largest === null || g.children > largest.children)) largest = g;
        }
        if (largest === null) break;
        state.remove(largest, 1);
        excess--;
      }
    }
    start = end;
  }
}

/** Continuing placements per LA and market type (the groups come LA by LA, so each LA's row is made once). */
export function continuingByLa(state: PlacementState): Map<string, Record<MarketType, number>> {
  const out = new Map<string, Record<MarketType, number>>();
  let la: string | null = null;
  let row: Record<MarketType, number> = { foster: 0, residential: 0, secure: 0 };
  for (const g of state.groupsInOrder()) {
    if (g.laCode !== la) {
      la = g.laCode;
      row = { foster: 0, residential: 0, secure: 0 };
      out.set(la, row);
    }
    if (g.placementType === 'foster') row.foster += g.children;
    else if (g.placementType === 'residential') row.residential += g.children;
    else row.secure += g.children;
  }
  return out;
}

/**
 * The groups after a year's turnover in expectation under unbiased endings: each group less its
 * expected endings (its share moved to the LA's and type's half-up total, sharesToTotal), children
 * fractional. The calibration's continuing statistics (docs/methodology.md, "Unbiased endings"): one
 * draw of the endings would move the fit with the draw, by a child or three a type.
 * Worked: an LA's groups of 3 and 1 children, turnover 0.3: shares 0.9 and 0.3, total round(1.2) = 1,
 * parts lowered to 0.75 and 0.25; the groups continue with 2.25 and 0.75 children.
 */
export function expectedAfterTurnover(groups: Iterable<PlacementGroup>, share: (type: MarketType) => number): PlacementGroup[] {
  const buckets = new Map<string, PlacementGroup[]>();
  for (const g of groups) {
    const key = `${g.laCode}|${g.placementType}`;
    const list = buckets.get(key);
    if (list) list.push(g);
    else buckets.set(key, [g]);
  }
  const out: PlacementGroup[] = [];
  for (const list of buckets.values()) {
    const s = share(list[0].placementType);
    const exact = list.map((g) => s * g.children);
    const { floors, parts } = sharesToTotal(exact, roundHalfUp(exact.reduce((t, x) => t + x, 0)));
    list.forEach((g, i) => out.push({ ...g, children: g.children - floors[i] - parts[i] }));
  }
  return out;
}
