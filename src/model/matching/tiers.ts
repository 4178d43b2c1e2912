// Rule 5, matching: children who need a new placement meet vacancies in tiers. (a) their own LA's
// `la` places; (b) places reserved for their region; (c) any other vacancy in Wales the year's rules
// allow, as a least-cost transportation problem; (d) outside Wales; (e) the rest are unplaced.
import { compareCodes, largestRemainder, tieKey } from '../rounding.js';
import { PlacementState, byProviderKey } from '../state.js';
import { TransportSolver, solveTransport } from '../transport.js';
import { chooseAndPlace, type ChoiceRules } from './choice.js';
import { MARKET_TYPES, OUTSIDE_WALES, SECTOR_RANK, type MarketType, type PlacementGroup, type ProviderPlaces, type Sector } from '../types.js';

export type Seekers = Map<string, Record<MarketType, number>>;

export interface Geography {
  /** Welsh LA codes in code order. */
  laCodes: readonly string[];
  regionOf(la: string): string;
  /** Whole metres from a placing LA to a host LA (the matching's cost). */
  metres(la: string, host: string): number;
  /**
   * Optional, for speed: each LA's place in laCodes and metres(laCodes[a], laCodes[b]) at
   * a × LAs + b, so that the matching reads distances without looking codes up per pair.
   */
  index?: ReadonlyMap<string, number>;
  metresMatrix?: Float64Array;
}

export interface MatchingRules {
  /** A provider's usable places this year (usable.ts): its vacancies are these less the children it holds. */
  usablePlaces(p: ProviderPlaces): number;
  /** Most children of this type that tier (c) may place with for-profit providers in Wales, or null. */
  forProfitCap(type: MarketType, enteringTierC: number): number | null;
  /** New placements with for-profit providers in Wales or non-LA providers outside Wales need approval. */
  approvalRequired: boolean;
  /**
   * `cap`: all types together (null: unlimited); `capByType`: under `outside_wales.places: held`,
   * each type's own cap, which placement choice uses in place of a share of `cap`.
   */
  outsideWales: { allowed: boolean; cap: number | null; capByType?: Record<MarketType, number> | null; sector: Sector };
  /** The projection's solver of the least-cost problems (its buffers are reused); a new one when absent. */
  solver?: TransportSolver;
  /** Placement choice (docs/model.md §4.3) in place of tiers (c) and (d); absent or null: the rules of 4.2. */
  choice?: ChoiceRules | null;
}

export interface MatchOutcome {
  newPlacements: Map<string, number>;
  supplementaryInWalesFp: Map<string, number>;
  supplementaryOutsideWales: Map<string, number>;
  unplaced: Seekers;
}

const bump = (m: Map<string, number>, k: string, n: number): void => {
  if (n > 0) m.set(k, (m.get(k) ?? 0) + n);
};

/** What the tiers read and do as they place a year's seekers: each writes through these alone. */
interface Placing {
  seeking(la: string, type: MarketType): number;
  vacancyOf(p: ProviderPlaces): number;
  /** n children of `la` into provider p's vacancies. */
  place(la: string, p: ProviderPlaces, n: number): void;
  /** n children of `la` of this type outside Wales. */
  placeOutside(la: string, type: MarketType, n: number): void;
}

export function matchSeekers(state: PlacementState, seekers: Seekers, geo: Geography, rules: MatchingRules): MatchOutcome {
  const outcome: MatchOutcome = {
    newPlacements: new Map(),
    supplementaryInWalesFp: new Map(),
    supplementaryOutsideWales: new Map(),
    unplaced: seekers,
  };
  const solver = rules.solver ?? new TransportSolver();
  const { open, placing } = openPlaces(state, seekers, rules, outcome);
  const { seeking, vacancyOf, place } = placing;

  // (a) the LA's own places: its homes and carers are in its area. Under placement choice they are
  // one destination among others (with the own-LA pull γ) unless `own_la_first`.
  if (!rules.choice || rules.choice.ownLaFirst) placeOwnLa(open, geo.laCodes, placing);

  // (b) places reserved for the region, among the region's LAs.
  const { reserved, unreserved } = byReservingRegion(open);
  const regions = [...reserved.keys()].sort(compareCodes);
  for (const region of regions) {
    for (const type of MARKET_TYPES) {
      const providers = reserved.get(region)![type];
      if (providers.length === 0) continue;
      const las = geo.laCodes.filter((la) => geo.regionOf(la) === region && seeking(la, type) > 0);
      assignLeastCost(las, providers, type, null, geo, seeking, vacancyOf, place, solver);
    }
  }

  // (c)-(e) as one choice per type (docs/model.md §4.3), when the scenario asks for it.
  if (rules.choice) {
    chooseTheRest(rules, rules.choice, geo.laCodes, unreserved, placing, () => state.groupsInOrder());
    return outcome;
  }

  // (c) every other vacancy in Wales of a sector the year's rules allow.
  for (const type of MARKET_TYPES) {
    const las = geo.laCodes.filter((la) => seeking(la, type) > 0);
    const entering = las.reduce((s, la) => s + seeking(la, type), 0);
    if (entering === 0) continue;
    const providers = unreserved[type].filter((p) => vacancyOf(p) > 0);
    assignLeastCost(las, providers, type, rules.forProfitCap(type, entering), geo, seeking, vacancyOf, place, solver);
  }

  // (d) outside Wales, within the year's cap if there is one.
  if (rules.outsideWales.allowed) {
    const grants = outsideGrants(geo.laCodes, seeking, rules.outsideWales.cap);
    for (const [la, byType] of grants.byLa) {
      MARKET_TYPES.forEach((type, j) => placing.placeOutside(la, type, Math.min(byType[j], seeking(la, type))));
    }
  }
  return outcome;
}

/**
 * The providers with vacancies this year, in key order, and the placing of children into them (and
 * outside Wales) that counts each placement into the state, the seekers and the outcome.
 */
function openPlaces(
  state: PlacementState,
  seekers: Seekers,
  rules: MatchingRules,
  outcome: MatchOutcome,
): { open: ProviderPlaces[]; placing: Placing } {
  // Keyed by the provider object itself: the state's providers live for the whole year.
  const vacancies = new Map<ProviderPlaces, number>();
  const open: ProviderPlaces[] = [];
  for (const p of state.providersInOrder()) {
    // childrenOf counts every placing authority's children, other authorities' (EXTERNAL) too.
    const v = Math.max(0, rules.usablePlaces(p) - state.childrenOf(p));
    if (v > 0) {
      vacancies.set(p, v);
      open.push(p);
    }
  }
  const placing: Placing = {
    seeking: (la, type) => seekers.get(la)?.[type] ?? 0,
    vacancyOf: (p) => vacancies.get(p) ?? 0,
    place: (la, p, n) => {
      if (n <= 0) return;
      vacancies.set(p, (vacancies.get(p) ?? 0) - n);
      seekers.get(la)![p.placementType] -= n;
      state.addTo(p, la, n);
      bump(outcome.newPlacements, la, n);
      if (rules.approvalRequired && p.sector === 'fp') bump(outcome.supplementaryInWalesFp, la, n);
    },
    placeOutside: (la, type, n) => {
      if (n <= 0) return;
      const sector = rules.outsideWales.sector;
      seekers.get(la)![type] -= n;
      state.add(la, type, sector, OUTSIDE_WALES, OUTSIDE_WALES, n);
      bump(outcome.newPlacements, la, n);
      if (rules.approvalRequired && sector !== 'la') bump(outcome.supplementaryOutsideWales, la, n);
    },
  };
  return { open, placing };
}

/** Tier (a): each LA, in code order, into its own unreserved `la` places, each in key order. */
function placeOwnLa(open: readonly ProviderPlaces[], laCodes: readonly string[], placing: Placing): void {
  const ownPlaces = new Map<string, ProviderPlaces[]>();
  for (const p of open) {
    if (p.sector !== 'la' || p.reservedForRegion !== null) continue;
    const list = ownPlaces.get(p.host);
    if (list) list.push(p);
    else ownPlaces.set(p.host, [p]);
  }
  for (const la of laCodes) {
    for (const p of ownPlaces.get(la) ?? []) {
      placing.place(la, p, Math.min(placing.seeking(la, p.placementType), placing.vacancyOf(p)));
    }
  }
}

/**
 * The open providers by reserving region (or none) and type, in one pass and in key order, as
 * filtering the open list once per region and type gives them.
 */
function byReservingRegion(open: readonly ProviderPlaces[]): {
  reserved: Map<string, Record<MarketType, ProviderPlaces[]>>;
  unreserved: Record<MarketType, ProviderPlaces[]>;
} {
  const reserved = new Map<string, Record<MarketType, ProviderPlaces[]>>();
  const unreserved: Record<MarketType, ProviderPlaces[]> = { foster: [], residential: [], secure: [] };
  for (const p of open) {
    const region = p.reservedForRegion;
    if (region === null) {
      unreserved[p.placementType].push(p);
      continue;
    }
    let byType = reserved.get(region);
    if (!byType) {
      byType = { foster: [], residential: [], secure: [] };
      reserved.set(region, byType);
    }
    byType[p.placementType].push(p);
  }
  return { reserved, unreserved };
}

/** Tiers (c) to (e) under placement choice (docs/model.md §4.3): one choice per type over the unreserved vacancies left. */
function chooseTheRest(
  rules: MatchingRules,
  choice: ChoiceRules,
  laCodes: readonly string[],
  unreserved: Record<MarketType, ProviderPlaces[]>,
  placing: Placing,
  groups: () => readonly PlacementGroup[],
): void {
  const { seeking, vacancyOf, place } = placing;
  const grants = rules.outsideWales.allowed ? outsideGrants(laCodes, seeking, rules.outsideWales.cap) : null;
  for (const type of MARKET_TYPES) {
    const las = laCodes.filter((la) => seeking(la, type) > 0);
    const entering = las.reduce((s, la) => s + seeking(la, type), 0);
    if (entering === 0) continue;
    const providers = unreserved[type].filter((p) => vacancyOf(p) > 0);
    const held = rules.outsideWales.capByType;
    const outsideCap = grants === null ? null : held ? held[type] : grants.capOf(type);
    chooseAndPlace(type, las, providers, rules.forProfitCap(type, entering), outsideCap, rules.outsideWales.allowed, choice, {
      seeking,
      vacancyOf,
      place,
      placeOutside: (la, n) => placing.placeOutside(la, type, n),
      groups,
    });
  }
}

/**
 * An outside-Wales cap shared over LAs in proportion to their remaining seekers, then within an LA
 * over types the same way, by largest remainder (docs/model.md §4.2). `byLa`: the LAs with seekers, in code
 * order, and the children of each type they may place outside Wales; `capOf`: a type's total.
 */
function outsideGrants(
  laCodes: readonly string[],
  seeking: (la: string, type: MarketType) => number,
  cap: number | null,
): { byLa: Map<string, number[]>; capOf: (type: MarketType) => number | null } {
  const las = laCodes.filter((la) => MARKET_TYPES.some((t) => seeking(la, t) > 0));
  const perLa = las.map((la) => MARKET_TYPES.reduce((s, t) => s + seeking(la, t), 0));
  const total = perLa.reduce((s, n) => s + n, 0);
  const granted =
    cap === null || cap >= total
      ? perLa
      : largestRemainder(perLa.map((n) => (Math.max(0, cap) * n) / total), las.map((la) => tieKey(la, null, null, '', '')));
  const byLa = new Map<string, number[]>();
  las.forEach((la, i) => {
    const wanted = MARKET_TYPES.map((t) => seeking(la, t));
    byLa.set(
      la,
      granted[i] >= perLa[i]
        ? wanted
        : largestRemainder(wanted.map((n) => (granted[i] * n) / perLa[i]), MARKET_TYPES.map((t) => tieKey(la, t, null, '', ''))),
    );
  });
  const capOf = (type: MarketType): number | null => {
    if (cap === null) return null;
    const j = MARKET_TYPES.indexOf(type);
    let s = 0;
    for (const byType of byLa.values()) s += byType[j];
    return s;
  };
  return { byLa, capOf };
}

/**
 * Tiers (b) and (c): the least-cost assignment fixes how many children of each LA go to each host;
 * then, canonically, at each host the LAs in code order take its sectors in rank order, each
 * sector's providers in id order.
 */
function assignLeastCost(
  las: readonly string[],
  providers: readonly ProviderPlaces[],
  type: MarketType,
  forProfitCap: number | null,
  geo: Geography,
  seeking: (la: string, type: MarketType) => number,
  vacancyOf: (p: ProviderPlaces) => number,
  place: (la: string, p: ProviderPlaces, n: number) => void,
  solver: TransportSolver,
): void {
  if (las.length === 0 || providers.length === 0) return;
  // Each host's providers with vacancies, in one pass over the providers.
  const atHost = new Map<string, ProviderPlaces[]>();
  for (const p of providers) {
    let list = atHost.get(p.host);
    if (!list) {
      list = [];
      atHost.set(p.host, list);
    }
    if (vacancyOf(p) > 0) list.push(p);
  }
  const hosts = [...atHost.keys()].sort(compareCodes);
  const slots = hosts.map((h) => atHost.get(h)!.sort(byProviderKey));
  const vacancies = slots.map((ps) => {
    const v: [number, number, number] = [0, 0, 0];
    for (const p of ps) v[SECTOR_RANK[p.sector]] += vacancyOf(p);
    return v;
  });
  // Rows and columns of the distance matrix, found once per problem rather than once per pair.
  let metres = (i: number, j: number): number => geo.metres(las[i], hosts[j]);
  const index = geo.index;
  const matrix = geo.metresMatrix;
  if (index !== undefined && matrix !== undefined) {
    const n = geo.laCodes.length;
    const rows = las.map((la) => index.get(la));
    const cols = hosts.map((h) => index.get(h));
    if (!rows.includes(undefined) && !cols.includes(undefined)) {
      const r = rows as number[];
      const c = cols as number[];
      metres = (i, j) => matrix[r[i] * n + c[j]];
    }
  }
  const flow = solveTransport(
    {
      supply: las.map((la) => seeking(la, type)),
      vacancies,
      metres,
      forProfitCap,
    },
    solver,
  );
  hosts.forEach((_, j) => {
    let slot = 0;
    for (let i = 0; i < las.length; i++) {
      let n = flow[i][j];
      while (n > 0) {
        const p = slots[j][slot];
        const take = Math.min(n, vacancyOf(p));
        place(las[i], p, take);
        n -= take;
        if (vacancyOf(p) === 0) slot++;
      }
    }
  });
}
