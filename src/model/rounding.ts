// Integer arithmetic on counts of children and places (docs/model.md §4.2, "Arithmetic").
import { PLACEMENT_TYPES, SECTORS, type PlacementType, type Sector } from './types.js';

/** Floating-point slack allowed in floors, half-up rounding and remainder ties: floor(0.57 × 100) is 57. */
export const EPS = 1e-9;

/**
 * The slack for a value of x's size: 1e-9 of it, at least 1e-9 (docs/methodology.md, "Money:
 * rounding"). A fixed 1e-9 is below the spacing of doubles beyond about 2^22, so a pound amount such
 * as 36,746,605.5 computed a few 1e-9 below would round down; 1e-9 × 3.7e7 ≈ 0.04 does not.
 */
function slack(x: number): number {
  return EPS * Math.max(1, Math.abs(x));
}

/**
 * Floors keep a fixed 1e-9: they act on counts of places and children, and a slack relative to the
 * value moves the matching's fractional floors (docs/methodology.md, "Money: rounding").
 */
export function floorEps(x: number): number {
  return Math.floor(x + EPS);
}

/** Half-up rounding of a non-negative quantity (money, places, children), with the same slack. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + slack(x));
}

/**
 * A cell's place in the tie order: LA code, placement type (section 3 order), sector (la < nfp < fp),
 * host code, provider id. Cells that lack a part (providers have no LA) leave it empty.
 */
export type TieKey = readonly [la: string, type: number, sector: number, host: string, provider: string];

export function tieKey(
  la: string,
  type: PlacementType | null,
  sector: Sector | null,
  host: string,
  provider: string,
): TieKey {
  return [la, type === null ? -1 : PLACEMENT_TYPES.indexOf(type), sector === null ? -1 : SECTORS.indexOf(sector), host, provider];
}

/** Plain code-point comparison of strings, never locale-aware. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTieKeys(a: TieKey, b: TieKey): number {
  return (
    compareCodes(a[0], b[0]) || a[1] - b[1] || a[2] - b[2] || compareCodes(a[3], b[3]) || compareCodes(a[4], b[4])
  );
}

/**
 * Rounds shares of a count to integers that keep the total: each cell gets the floor of its exact
 * value, and the cells with the largest remainders get one more until the total is the half-up
 * rounded exact total. Remainders within EPS of each other tie, and ties go in key order.
 */
export function largestRemainder(exact: readonly number[], keys: readonly TieKey[]): number[] {
  return roundShares(exact, (i, j) => compareTieKeys(keys[i], keys[j]));
}

/**
 * largestRemainder for cells already listed in tie-key order (as the state lists groups and
 * providers), so that a tie goes to the earlier cell without building keys.
 */
export function largestRemainderInOrder(exact: readonly number[]): number[] {
  return roundShares(exact, null);
}

/** The cells' remainder order: largest first, remainders within EPS tie, ties by tieOrder (index order if null). */
function remainderComparator(rem: Float64Array, tieOrder: ((i: number, j: number) => number) | null): (i: number, j: number) => number {
  // The same comparisons either way; the index-order one just skips a call per tie.
  if (tieOrder === null) {
    return (i, j) => {
      const d = rem[j] - rem[i];
      if (Math.abs(d) > EPS) return d;
      return i - j;
    };
  }
  return (i, j) => {
    const d = rem[j] - rem[i];
    if (Math.abs(d) > EPS) return d;
    return tieOrder(i, j);
  };
}

function roundShares(exact: readonly number[], tieOrder: ((i: number, j: number) => number) | null): number[] {
  const n = exact.length;
  if (n === 0) return [];
  let total = 0;
  for (let i = 0; i < n; i++) total += exact[i];
  const target = roundHalfUp(total);
  const out = new Array<number>(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const f = Math.max(0, floorEps(exact[i]));
    out[i] = f;
    assigned += f;
  }
  let left = target - assigned;
  // Nothing left over: no remainders needed, no sort.
  if (left === 0) return out;
  // Allocated per call, like `order` beside it: only calls with something left over get here.
  const rem = new Float64Array(n);
  for (let i = 0; i < n; i++) rem[i] = exact[i] - out[i];
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Array.prototype.sort with this comparator, and no other algorithm: the EPS tie rule is not
  // strictly transitive, so another algorithm could order some cells differently.
  order.sort(remainderComparator(rem, tieOrder));
  if (left > 0) {
    for (let k = 0; left > 0; k = (k + 1) % n) {
      out[order[k]] += 1;
      left--;
    }
  } else {
    // Only reachable through floating-point slack: take back from the smallest remainders first.
    for (let k = n - 1; left < 0; k = (k - 1 + n) % n) {
      if (out[order[k]] > 0) {
        out[order[k]] -= 1;
        left++;
      }
    }
  }
  return out;
}
