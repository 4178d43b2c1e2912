// Placement choice (docs/model.md §4.3, `matching: { method: choice }`): where a child is placed is not the
// nearest free place but a choice spread over every allowed place, nearer places likelier. Per market
// type, one problem over all LAs (problem.ts), a doubly constrained gravity model with capacities
// solved by iterative scaling (scaling.ts), then rounded to whole children without bias (whole.ts)
// and placed with the destinations' providers, here.
import type { RandomSource } from '../random.js';
import type { MarketType, PlacementGroup, ProviderPlaces } from '../types.js';
import { buildChoiceProblem, groupStatistics, type ChoiceParams, type ChoiceProblem, type ChoiceStatistics } from './problem.js';
import { allFinite, solveChoice, type Duals } from './scaling.js';
import { roundChoice } from './whole.js';
import type { ScalingWorkspace } from './workspace.js';

export {
  buildChoiceProblem,
  byDestinationKey,
  destinationKey,
  flowStatistics,
  groupStatistics,
  logKernel,
  LEAST_REAL_LOG_K,
  type ChoiceDestination,
  type ChoiceParams,
  type ChoiceProblem,
  type ChoiceStatistics,
  type DestinationKind,
} from './problem.js';
export { dualOf, solveChoice, SOLVER_LIMITS, type Duals, type FractionalFlows, type SolverLimits } from './scaling.js';
export { capacityDual } from './capacity-dual.js';
export { ScalingWorkspace } from './workspace.js';

/** What the matching hands the choice: the scenario's settings and, per type, the year's parameters. */
export interface ChoiceRules {
  ownLaFirst: boolean;
  /** ρ: the pull lost per sector rank (`la` 0, `nfp` 1, `fp` 2). */
  sectorPreference: number;
  params: Record<MarketType, ChoiceParams>;
  /** km from a placing LA to a host (OUTSIDE_WALES included), as the metrics measure it. */
  km(la: string, host: string): number;
  warn(message: string): void;
  /**
   * The run's stream `matching.rounding`: the draws of the unbiased rounding of each year's flows,
   * year by year and within a year type by type (docs/methodology.md, "Whole children").
   */
  rounding: RandomSource;
  /**
   * Each type's duals from its last problem in this projection: this year's problem, much like last
   * year's, converges from them in a fraction of the iterations. Held by the projection, never shared.
   */
  lastDuals?: Map<MarketType, Duals>;
  /** The solver's buffers for every solve of this projection (one is made per solve without it). */
  workspace?: ScalingWorkspace;
  /**
   * Calibration only: sees each type's problem, which is then left unsolved (the calibration year's
   * end is never read; the fit solves the problem itself).
   */
  probe?: (problem: ChoiceProblem, continuing: ChoiceStatistics) => void;
}

export interface ChoicePlacing {
  seeking(la: string, type: MarketType): number;
  vacancyOf(p: ProviderPlaces): number;
  place(la: string, p: ProviderPlaces, n: number): void;
  placeOutside(la: string, n: number): void;
  /** The state's groups (read only by a probe). */
  groups(): Iterable<PlacementGroup>;
}

/** Tiers (c) to (e) of one market type by placement choice: solve, round, fill providers. */
export function chooseAndPlace(
  type: MarketType,
  las: readonly string[],
  providers: readonly ProviderPlaces[],
  forProfitCap: number | null,
  outsideCap: number | null,
  outsideAllowed: boolean,
  rules: ChoiceRules,
  placing: ChoicePlacing,
): void {
  const problem = buildChoiceProblem(
    type,
    las,
    las.map((la) => placing.seeking(la, type)),
    providers,
    placing.vacancyOf,
    forProfitCap,
    { allowed: outsideAllowed, cap: outsideCap },
    rules.km,
  );
  if (rules.probe) {
    // The calibration year wants the problem, not its answer: the year's end is never read.
    rules.probe(problem, groupStatistics(placing.groups(), type, rules.km));
    return;
  }
  const whole = roundChoice(problem, solveYear(problem, rules), rules.rounding, rules.workspace);
  placeWhole(problem, whole, placing);
}

/**
 * The year's fractional flows, from last year's duals where there are some. They are only a head
 * start: where a full destination's factor sits near e^−710 (a pull as weak as outside Wales at
 * α = −20, β = e), the scaling's first row sums from them fall below the smallest double and the
 * solver hands over to Newton; should the flows still not be numbers, the problem is solved from
 * the start, as the first year's is. (Rounded as they stand, NaN flows would place nobody: the LA's
 * children would all be left unplaced beside a vacancy.)
 */
function solveYear(problem: ChoiceProblem, rules: ChoiceRules): Float64Array {
  const type = problem.type;
  const params = rules.params[type];
  const ws = rules.workspace;
  let solved = solveChoice(problem, params, rules.sectorPreference, rules.lastDuals?.get(type), undefined, ws);
  if (!allFinite(solved.flows) && rules.lastDuals?.has(type)) solved = solveChoice(problem, params, rules.sectorPreference, undefined, undefined, ws);
  rules.lastDuals?.set(type, solved.duals);
  if (!solved.converged) {
    rules.warn(`placement choice (${type}): the solver stopped at its cap (${solved.iterations} scaling iterations and Newton steps) before every constraint was within 1e-9; the flows are rounded as they stand`);
  }
  return solved.flows;
}

/** Whole children to their destinations: outside Wales, or a destination's providers in id order, each filled before the next. */
function placeWhole(problem: ChoiceProblem, whole: Int32Array, placing: ChoicePlacing): void {
  const n = problem.destinations.length;
  const las = problem.las;
  for (let j = 0; j < n; j++) {
    const d = problem.destinations[j];
    if (d.kind === 'unplaced') continue;
    let slot = 0;
    for (let i = 0; i < las.length; i++) {
      let k = whole[i * n + j];
      if (d.kind === 'outside') {
        placing.placeOutside(las[i], k);
        continue;
      }
      while (k > 0) {
        const p = d.providers[slot];
        const take = Math.min(k, placing.vacancyOf(p));
        placing.place(las[i], p, take);
        k -= take;
        if (placing.vacancyOf(p) === 0) slot++;
      }
    }
  }
}
