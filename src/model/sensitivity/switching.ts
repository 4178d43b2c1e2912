// Switching values (docs/methodology.md, "Which assumption matters"): the value of a parameter,
// within its range, at which the answer to a threshold flips with every other parameter central.
// Bisection to 1% of the range. The answer is looked at only at the range's two ends: a parameter
// whose ends give the same answer "does not switch within its range" (a parameter that flipped
// the answer and flipped it back inside its range would be missed; the model's metrics move one
// way with each parameter in every case we know of).
//
// All parameters are bisected together, one step at a time, so that each step is one batch of
// model runs (one point per parameter still bisecting) rather than one batch per parameter.

/** Bisection stops when the bracket is at most this share of the range. */
export const SWITCHING_TOLERANCE = 0.01;

export interface SwitchingRange {
  low: number;
  high: number;
  /** The answer at `low` and at `high` (from the tornado's points). */
  answerLow: boolean;
  answerHigh: boolean;
}

/** The value where the answer flips, or null when the ends agree. */
export type SwitchingValue = number | null;

/** How many bisection steps bring a bracket to SWITCHING_TOLERANCE of its range: ceil(log2(1 ÷ tolerance)). */
export const BISECTION_STEPS = Math.ceil(Math.log2(1 / SWITCHING_TOLERANCE));

/**
 * Bisects every range whose ends disagree. `answersAt(points)` gives the answer at each point
 * (a point is [index of the range, value]), all of one step at once. The switching value is the
 * middle of the last bracket, so it is within half of 1% of the range of the true crossing.
 */
export async function switchingValues(
  ranges: readonly SwitchingRange[],
  answersAt: (points: ReadonlyArray<readonly [index: number, value: number]>) => Promise<boolean[]>,
): Promise<SwitchingValue[]> {
  const brackets = ranges.map((r) => (r.answerLow === r.answerHigh || r.low === r.high ? null : { lo: r.low, hi: r.high, answerLo: r.answerLow }));
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const open = brackets.flatMap((b, i) => (b === null ? [] : [i]));
    if (open.length === 0) break;
    const points = open.map((i) => [i, (brackets[i]!.lo + brackets[i]!.hi) / 2] as const);
    const answers = await answersAt(points);
    points.forEach(([i, mid], j) => {
      const b = brackets[i]!;
      if (answers[j] === b.answerLo) b.lo = mid;
      else b.hi = mid;
    });
  }
  return brackets.map((b) => (b === null ? null : (b.lo + b.hi) / 2));
}
