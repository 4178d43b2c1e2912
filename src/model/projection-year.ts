// One year t of a projection in docs/model.md §4.2's order: need, supply events, displacement,
// turnover, endings above need, seekers, matching, metrics; and the base row before the first year.
// What the years share (the state, the streams, the solver, the distances) is a run's own context.
import { continuingByLa, applyTurnover, displaceChildren, endPlacementsAboveNeed } from './continuing.js';
import { makeCosting, priceIndex } from './costing.js';
import { makeGeography, type LaDistances, type TallyGeography } from './geography.js';
import type { ChoiceRules } from './matching/choice.js';
import type { HeldOutsideCaps } from './matching/outside.js';
import { matchSeekers, type Geography, type MatchOutcome, type Seekers } from './matching/tiers.js';
import type { NeedByType, NeedModel } from './need.js';
import { NO_ONE_OFF_COSTS, chargeOneOffCosts, type OneOffEvent } from './one-off.js';
import type { RandomSource } from './random.js';
import { floorEps, roundHalfUp } from './rounding.js';
import type { PlacementState } from './state.js';
import {
  applyFosterWalesNetNew,
  applyFosterWalesTransfers,
  fosterWalesNetNewByLa,
  laFosterPlacesByLa,
  applyRegionalHomes,
  applyStrategies,
  applyTransitions,
  type CutUnits,
  type TransitionOptions,
} from './supply.js';
import { checkConservation, needTotal, tallyLa, type TallyWorkspace, type TallyYear } from './tally.js';
import { inForce, valueAt } from './timeline.js';
import type { TransportSolver } from './transport.js';
import { occupancyTable, usablePlaces } from './usable.js';
import { groupKey, yearResult } from './year-result.js';
import { EXTERNAL, type Dataset, type ModelScenario, type ProviderPlaces, type YearResult } from './types.js';

/** What every year of one projection shares. */
export interface RunContext {
  readonly dataset: Dataset;
  readonly scenario: ModelScenario;
  readonly keepPlacements: boolean;
  readonly pricesYear: number | null;
  /** The dataset's LAs in code order. */
  readonly laCodes: readonly string[];
  readonly regionOf: (la: string) => string;
  readonly need: NeedModel;
  readonly atHome: (la: string, n: NeedByType) => number;
  /** The distances between the dataset's LAs, which every year's geography reads. */
  readonly distances: LaDistances;
  /** The distances in force: made again in a year where the outside-Wales distance changes. */
  geo: Geography & TallyGeography;
  readonly distanceYears: ReadonlySet<number>;
  /** The projection's own solver: its buffers serve every least-cost problem of every year. */
  readonly solver: TransportSolver;
  /** Warnings since the last row: each row takes those raised up to its end. */
  readonly warnings: string[];
  readonly state: PlacementState;
  readonly transitionOptions: TransitionOptions;
  readonly endingsStream: RandomSource | undefined;
  readonly heldOutside: HeldOutsideCaps | null;
  readonly choiceRules: ChoiceRules | null;
  /** The year-end tallies' running totals, reused LA by LA. */
  readonly tallyWork: TallyWorkspace;
}

/** The row of 31 March B: the base state's tallies, no flows. */
export function baseYearRow(run: RunContext): YearResult {
  const { state, laCodes, need, geo } = run;
  const B = run.dataset.baseYear;
  const baseNeed = new Map(laCodes.map((la) => [la, need.basePlacements(la)]));
  const year: TallyYear = { groups: state.groupsInOrder(), geo, regionOf: run.regionOf, costs: null, work: run.tallyWork };
  return yearResult(B - 1, true, state, run.keepPlacements, laCodes, occupancyTable(run.scenario, B), null, (la, from, to) => {
    const n = baseNeed.get(la)!;
    return tallyLa(year, la, from, to, n, needTotal(n), { foster: 0, residential: 0, secure: 0 }, null, run.atHome(la, n));
  }, run.warnings.splice(0));
}

export function projectYear(run: RunContext, t: number): YearResult {
  const { dataset, scenario, state, laCodes } = run;
  if (run.distanceYears.has(t)) run.geo = makeGeography(dataset, scenario, t, run.distances);
  // (1) need
  const needs = new Map<string, NeedByType>(laCodes.map((la) => [la, run.need.needByType(la, t)]));
  // (2) supply events, all on 1 April; the year's events for their one-off costs (src/model/one-off.ts).
  const cut: CutUnits = new Set();
  const events: OneOffEvent[] = [];
  supplyEvents(run, t, needs, cut, events);
  // (3) displacement, (4) turnover, (5) endings where need has fallen
  const displaced = displaceChildren(state, cut);
  const occupancy = occupancyTable(scenario, t);
  const usable = (p: ProviderPlaces): number => usablePlaces(p, occupancy);
  turnoverAndEndings(run, t, needs, usable);
  // (6) seekers: last year's unplaced, the displaced, turnover and growth all seek
  const continuing = continuingByLa(state);
  const seekers: Seekers = new Map(
    laCodes.map((la) => {
      const c = continuing.get(la) ?? { foster: 0, residential: 0, secure: 0 };
      const n = needs.get(la)!;
      return [la, { foster: n.foster - c.foster, residential: n.residential - c.residential, secure: n.secure - c.secure }];
    }),
  );
  // (7) matching. What each LA holds with each provider just before it: the matching only adds, so
  // the growth of a group over it is that LA's new placements there (whichever matching rule runs).
  const beforeMatching = run.keepPlacements ? new Map(state.groupsInOrder().map((g) => [groupKey(g), g.children])) : null;
  const outcome = matchYear(run, t, seekers, usable);
  // (8) metrics
  const costs = makeCosting(dataset, scenario, t, run.geo.index, run.pricesYear);
  const oneOff = chargeOneOffCosts(events, {
    costs: scenario.oneOffCosts ?? NO_ONE_OFF_COSTS,
    index: priceIndex(scenario, dataset.baseYear, t, run.pricesYear),
    year: t,
    laCodes,
    regionOf: run.regionOf,
    childrenLookedAfter: (la) => run.need.childrenLookedAfter(la, t),
  });
  const year: TallyYear = { groups: state.groupsInOrder(), geo: run.geo, regionOf: run.regionOf, costs, work: run.tallyWork };
  return yearResult(t, false, state, run.keepPlacements, laCodes, occupancy, beforeMatching, (la, from, to) => {
    const n = needs.get(la)!;
    const tally = tallyLa(year, la, from, to, n, run.need.childrenLookedAfter(la, t), outcome.unplaced.get(la)!, {
      displaced: displaced.get(la) ?? 0,
      newPlacements: outcome.newPlacements.get(la) ?? 0,
      inWalesFp: outcome.supplementaryInWalesFp.get(la) ?? 0,
      outsideWales: outcome.supplementaryOutsideWales.get(la) ?? 0,
      lookedAfter: run.need.flows(la, t),
    }, run.atHome(la, n));
    checkConservation(t, la, n, tally);
    tally.costOneOffGbp = oneOff.get(la) ?? 0;
    return tally;
  }, run.warnings.splice(0));
}

/** (2) The year's supply events on 1 April: strategies, transitions, Foster Wales, regional homes. */
function supplyEvents(run: RunContext, t: number, needs: ReadonlyMap<string, NeedByType>, cut: CutUnits, events: OneOffEvent[]): void {
  const { dataset, scenario, state, warnings } = run;
  applyStrategies(
    state,
    dataset.strategies.filter((s) => s.year === t),
    inForce(scenario.policy.fpGrowthFrozenFrom, t),
    (m) => warnings.push(m),
    cut,
    events,
  );
  applyTransitions(
    state,
    scenario.transitions.map((transition, index) => ({ transition, index })).filter((x) => x.transition.year === t),
    run.regionOf,
    cut,
    run.transitionOptions,
    events,
  );
  applyFosterWalesTransfers(state, valueAt(scenario.fosterWales.transfersFromFp, t), events);
  const fosterWalesByLa = scenario.fosterWales.netNewPlacesByLa ?? {};
  const netNewPlaces = valueAt(scenario.fosterWales.netNewPlaces, t);
  const byLa = new Map(Object.keys(fosterWalesByLa).map((la) => [la, valueAt(fosterWalesByLa[la], t)]));
  const growthRate = scenario.fosterWales.netGrowthRate === undefined ? 0 : valueAt(scenario.fosterWales.netGrowthRate, t);
  // No growth, no cut and no LA's own number: every LA's net new places are 0, and 0 places change nothing.
  if (netNewPlaces !== 0 || growthRate !== 0 || [...byLa.values()].some((n) => n !== 0)) {
    const laFoster = growthRate !== 0 ? laFosterPlacesByLa(state) : null;
    const nationNeed = scenario.fosterWales.nationNeed;
    applyFosterWalesNetNew(
      state,
      fosterWalesNetNewByLa(
        { netNewPlaces, byLa, growthRate, nationNeed: nationNeed === undefined || nationNeed === null ? null : valueAt(nationNeed, t) },
        run.laCodes.map((la) => [la, needs.get(la)!.foster] as const),
        (la) => laFoster?.get(la) ?? 0,
      ),
      cut,
      events,
    );
  }
  applyRegionalHomes(state, scenario.regionalResidential.filter((h) => h.year === t), events);
}

/**
 * (4) turnover, other authorities' children replaced where theirs ended, and (5) endings where an
 * LA's need has fallen below the placements it holds.
 */
function turnoverAndEndings(run: RunContext, t: number, needs: ReadonlyMap<string, NeedByType>, usable: (p: ProviderPlaces) => number): void {
  const { scenario, state } = run;
  // Other authorities' children who leave a provider, by the provider's unit: their replacements arrive there.
  const externalEnded = new Map<number, number>();
  applyTurnover(
    state,
    (type) => valueAt(scenario.turnover[type], t),
    (g, n) => {
      if (g.laCode === EXTERNAL) externalEnded.set(state.unitIdOfGroup(g), n);
    },
    run.endingsStream,
  );
  endPlacementsAboveNeed(state, (la) => needs.get(la)!);
  const externalRate = scenario.externalDemandRate === undefined ? 0 : valueAt(scenario.externalDemandRate, t);
  if (externalEnded.size > 0) externalArrivals(state, externalEnded, externalRate, usable);
}

/**
 * New children of other authorities arrive where theirs ended (docs/model.md §4.3): at each provider,
 * in key order, as many as ended there × (1 + rate), rounded half up, at most its vacancies.
 * Worked: 3 ended at a provider with 2 vacancies, rate 0.2 → round(3.6) = 4, capped at 2.
 */
function externalArrivals(state: PlacementState, endedByUnit: ReadonlyMap<number, number>, rate: number, usable: (p: ProviderPlaces) => number): void {
  for (const p of state.providersInOrder()) {
    const n = endedByUnit.get(state.unitIdOf(p));
    if (n === undefined) continue;
    const vacancies = Math.max(0, usable(p) - state.childrenOf(p));
    state.addTo(p, EXTERNAL, Math.min(vacancies, Math.max(0, roundHalfUp(n * (1 + rate)))));
  }
}

/** (7) The year's matching under its policy: approval, the for-profit end and its exceptions, outside Wales. */
function matchYear(run: RunContext, t: number, seekers: Seekers, usable: (p: ProviderPlaces) => number): MatchOutcome {
  const { scenario } = run;
  const approval = inForce(scenario.policy.approvalRequiredFrom, t);
  const fpEnded = inForce(scenario.policy.fpNewPlacementsEnd, t);
  const exceptions = valueAt(scenario.policy.exceptionsShare, t);
  const ow = scenario.outsideWales;
  const heldOutside = run.heldOutside;
  return matchSeekers(run.state, seekers, run.geo, {
    solver: run.solver,
    usablePlaces: usable,
    forProfitCap: (_type, entering) => (fpEnded ? floorEps(exceptions * entering) : null),
    approvalRequired: approval,
    outsideWales: {
      allowed: ow.allowed,
      cap: heldOutside !== null ? heldOutside.total : ow.places === null || ow.places === 'held' ? null : valueAt(ow.places, t),
      capByType: heldOutside?.byType ?? null,
      sector: ow.sector,
    },
    choice: run.choiceRules,
  });
}
