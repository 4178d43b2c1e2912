// The vocabulary of the model. Everything here is plain data: loaders build it, the model reads it,
// writers render it. Codes are always canonical (the dataset's LA codes, region slugs); names are resolved at the edges.

/** Placement types in the order of docs/model.md §3; that order is also the tie order for rounding. */
export const PLACEMENT_TYPES = [
  'foster',
  'residential',
  'secure',
  'kinship',
  'parents',
  'adoption',
  'independent',
  'other',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** The types the market supplies and the model allocates to providers. */
export const MARKET_TYPES = ['foster', 'residential', 'secure'] as const;
export type MarketType = (typeof MARKET_TYPES)[number];

/** Sectors in rank order: the matching prefers `la`, then `nfp`, then `fp`. */
export const SECTORS = ['la', 'nfp', 'fp'] as const;
export type Sector = (typeof SECTORS)[number];
/** Each sector's place in SECTORS: its rank in the matching's preference, the tie order and the cost cells. */
export const SECTOR_RANK: Readonly<Record<Sector, number>> = Object.fromEntries(SECTORS.map((s, i) => [s, i])) as Record<Sector, number>;

/** A region's slug (docs/model.md §3.1): its name in lower case, accents removed, other characters as `-`. */
export type RegionSlug = string;

/** The one host (and the one provider) that stands for every placement outside the nation. */
export const OUTSIDE_WALES = 'OUTSIDE_WALES';
/**
 * The placing authority of children of authorities outside the dataset (docs/model.md §4.3): they
 * hold places at the dataset's providers, but belong to no LA, region or nation of its metrics.
 */
export const EXTERNAL = 'EXTERNAL';

/** A region as the dataset names it: the slug used as its code, and the name shown for it. */
export interface Region {
  slug: RegionSlug;
  name: string;
}

/** The whole nation the dataset covers (the `wales` level of the outputs, whatever the nation). */
export interface Nation {
  code: string;
  name: string;
  /** The nation's LA codes as `datapackage.json` lists them (docs/model.md §3.1), so that a partial dataset knows what it leaves out. */
  laCodes?: string[];
}

export function isMarketType(t: string): t is MarketType {
  return t === 'foster' || t === 'residential' || t === 'secure';
}

export interface LocalAuthority {
  code: string; // a token of letters, digits, `-` and `_` (ONS codes in the shipped data)
  nameEn: string;
  nameCy: string;
  region: RegionSlug;
  lat: number;
  lon: number;
  areaKm2: number;
}

/** Children at the base date: one row of `placements`, LA and host already resolved to codes. */
export interface PlacementRow {
  laCode: string;
  placementType: PlacementType;
  /** Empty for non-market types, which have no sector or host. */
  sector: Sector | null;
  /** An LA code, `OUTSIDE_WALES`, or null for non-market types. */
  host: string | null;
  children: number;
  providerId: string | null;
  source?: string;
}

/** Registered capacity at the base date: one provider at one host for one type. */
export interface ProviderRow {
  providerId: string;
  providerName: string;
  sector: Sector;
  host: string;
  placementType: MarketType;
  places: number;
  source?: string;
}

/** Whether a figure is published, arithmetic on published figures, or an estimate (a data row's `status`). */
export type FigureStatus = 'published' | 'derived' | 'estimated';

export interface DemandPoint {
  laCode: string;
  /** ISO date, always a 31 March. */
  asAt: string;
  /** The calendar year of `asAt`. */
  year: number;
  children: number;
  source?: string;
  /** Absent when the data does not say; the backtest then takes the point as published. */
  status?: FigureStatus;
}

/**
 * Children who started and ceased to be looked after in one financial year (docs/model.md §4.4):
 * one row of `flows`. `laCode` is an LA, or the nation's code for the dataset's LAs together.
 */
export interface FlowRow {
  laCode: string;
  /** Financial year, named by the year it starts in (2023 = April 2023 to March 2024). */
  year: number;
  started: number;
  ceased: number;
  source?: string;
  status?: FigureStatus;
}

export type StrategyAction = 'open' | 'close' | 'recruit';

export interface StrategyRow {
  laCode: string;
  /** Financial year the change takes effect (on 1 April of that year). */
  year: number;
  action: StrategyAction;
  placementType: MarketType;
  sector: Sector;
  places: number;
  /** Host LA code; defaults to the LA itself. */
  host: string;
  note?: string;
}

/** Children of an authority outside the dataset at one of its providers at the base date: one row of `external_placements`. */
export interface ExternalPlacementRow {
  /** An LA code of the dataset (never OUTSIDE_WALES: these children are at the dataset's providers). */
  host: string;
  placementType: MarketType;
  sector: Sector;
  children: number;
  providerId: string | null;
  /** The placing authority as the data names it (an English council, a Welsh LA left out): for the record only. */
  placingAuthority: string | null;
  source?: string;
}

export type CostLocation = 'in_wales' | 'outside_wales';

export interface CostRow {
  placementType: MarketType;
  sector: Sector;
  location: CostLocation;
  weeklyCostGbp: number;
  priceYear: number;
  /** The placing LA whose own price this is (docs/model.md §3 `costs.la_code`); null = the all-Wales price. */
  laCode?: string | null;
  source?: string;
  /** Published, derived or estimated (the row's `status`); absent when the data does not say. */
  status?: FigureStatus;
}

/** A validated dataset: every code resolved, every number checked. */
export interface Dataset {
  localAuthorities: LocalAuthority[];
  placements: PlacementRow[];
  providers: ProviderRow[];
  demandHistory: DemandPoint[];
  strategies: StrategyRow[];
  /** Null when the dataset has no `costs` resource: `cost_gbp` is then empty. */
  costs: CostRow[] | null;
  /** The optional `flows` resource; absent or null when the dataset has none. */
  flows?: FlowRow[] | null;
  /** `demand_history` rows for the nation as a whole (its own published totals); the backtest scores them. */
  nationHistory?: DemandPoint[];
  /** Children of other authorities at the dataset's providers at the base date; empty when the resource is absent. */
  externalPlacements?: ExternalPlacementRow[];
  /** B: the year of the latest `as_at` of demand_history (state at 31 March B). */
  baseYear: number;
  /** The regions that local_authorities names, in output order (by each region's first LA code). */
  regions: Region[];
  /** The nation (datapackage.json `nation`; Wales when it says none, see io/dataset.ts). */
  nation: Nation;
}

// ---------------------------------------------------------------------------------------------
// Scenario, as the model sees it: every value a number (distributions already drawn or centred),
// every LA name resolved to a code.

/**
 * A numeric parameter dated by year: each value holds from its year until the next key; before the
 * first key the parameter has `initial` (its default).
 */
export interface Timeline {
  initial: number;
  /** Sorted by year ascending. */
  steps: ReadonlyArray<readonly [year: number, value: number]>;
}

export type DemandRule =
  | TrendRule
  | { method: 'change'; rate: Timeline; rateByLa: Record<string, Timeline> }
  | FlowsRule;

/** Demand from the least-squares line of each LA's demand_history (docs/methodology.md, "Damped and reconciled trends"). */
export interface TrendRule {
  method: 'trend';
  trendYears: number;
  /** φ: the change h years past the last point is the fitted slope × φ^h. */
  damping: number;
  /** `nation`: the LAs' projections scaled each year to the nation's (top-down reconciliation). */
  reconcile: 'none' | 'nation';
}

/**
 * Demand from flows (docs/model.md §4.4): C(t) = C(t−1) + entries − exits, entries = the LA's base
 * entries × (1 + entriesChange(t)) (+ extra entries), exits = C(t−1) ÷ mean years in care (t).
 */
export interface FlowsRule {
  method: 'flows';
  entriesChange: Timeline;
  /**
   * Null, or NaN before a year map's first key, = the default: each LA's children at the base date ÷
   * its base entries (exits balance entries at B). An LA's own value, where NaN, falls back to this one.
   */
  meanYearsInCare: Timeline | null;
  meanYearsInCareByLa: Record<string, Timeline>;
  /**
   * Extra entries a year (unaccompanied asylum-seeking children): an LA in `extraEntriesByLa` gets its
   * own count; `extraEntries` is shared over the others by their children looked after at the base date.
   */
  extraEntries: Timeline;
  extraEntriesByLa: Record<string, Timeline>;
}

export interface MixShift {
  from: PlacementType;
  to: PlacementType;
  share: Timeline;
}

export interface Transition {
  year: number;
  sector: Sector | null;
  placementType: MarketType | null;
  region: RegionSlug | null;
  host: string | null;
  providerId: string | null;
  exit: number;
  convert: number;
  /** `unit:` on the transition; null takes the scenario's `transitionUnit`. */
  unit?: TransitionUnit | null;
}

/** What a transition's shares act on (docs/model.md §4.3): a share of every service's places, or whole services. */
export type TransitionUnit = 'places' | 'services';

export interface RegionalHome {
  region: RegionSlug;
  host: string;
  year: number;
  places: number;
  sector: Sector;
  placementType: MarketType;
  reservedForRegion: boolean;
}

export interface Policy {
  fpGrowthFrozenFrom: number | null;
  approvalRequiredFrom: number | null;
  fpNewPlacementsEnd: number | null;
  exceptionsShare: Timeline;
}

export interface OutsideWales {
  allowed: boolean;
  /**
   * Cap on children newly placed outside Wales in a year (all types); null = unlimited; `held`: the
   * base date's intake, each type's base-date children outside Wales × its year-B turnover (docs/model.md §4.2).
   */
  places: Timeline | null | 'held';
  /** Distance in km: a default for every LA, and per-LA overrides by code. */
  distanceKm: Timeline;
  distanceKmByLa: Record<string, Timeline>;
  sector: Sector;
  /** Extra price of a placement outside Wales in a year, as a share of its cost row (`outside_wales.price_premium`); 0 when absent. */
  pricePremium?: Timeline;
}

/** `matching` (docs/model.md §4.3): how children meet vacancies in tiers (c) to (e). */
export interface MatchingSettings {
  method: 'least_distance' | 'choice';
  /** Fit β, α, γ so that the base state is a steady state (default under `choice`). */
  calibrate: boolean;
  ownLaFirst: boolean;
  /** ρ: pull lost per sector rank. */
  sectorPreference: number;
  /**
   * β per km, α and γ: used as given when `calibrate` is false; under `calibrate`, where the fit
   * starts. The scenario registry gives them (its defaults: β 0.02, α 0, γ 0).
   */
  distanceDecay: Record<MarketType, number>;
  outsidePull: Record<MarketType, number>;
  ownLaPull: Record<MarketType, number>;
}

/** The price per place of each kind of transition event, in base-year prices (`one_off_costs`). */
export interface OneOffCosts {
  open: Record<MarketType, Timeline>;
  recruit: { foster: Timeline };
  convert: { residential: Timeline; foster: Timeline };
  transfer: { foster: Timeline };
}

export interface ModelScenario {
  name: string;
  /** Last financial year projected. */
  horizonTo: number;
  demand: DemandRule;
  mixShift: MixShift[];
  turnover: Record<MarketType, Timeline>;
  occupancy: Record<MarketType, Timeline>;
  /** Occupancy of one sector of a type where the scenario gives it (`occupancy: { residential: { fp: 0.85 } }`); else the type's. */
  occupancyBySector?: Partial<Record<MarketType, Partial<Record<Sector, Timeline>>>>;
  /** `held`: a provider of the base date uses the places it then held (docs/model.md §4.3); default `occupancy`. */
  usablePlaces?: 'occupancy' | 'held';
  /** Default unit of the transitions (docs/model.md §4.3); `places` when absent. */
  transitionUnit?: TransitionUnit;
  /**
   * How turnover endings are shared over an LA's and type's groups (docs/methodology.md, "Unbiased
   * endings"): `largest_remainder` (the default, docs/model.md §4.2) or `unbiased`, drawn from the run's stream.
   */
  rounding?: 'largest_remainder' | 'unbiased';
  /** Yearly change in other authorities' use of the dataset's places; 0 when absent. */
  externalDemandRate?: Timeline;
  /**
   * Seed and run index of the streams that order services under `transition_unit: services`
   * (`transitions[i].exit_order`, `.convert_order`); the deterministic run is run 0 of the seed.
   */
  orderStreams?: { seed: number; run: number };
  /**
   * The keys of this scenario that placement choice's calibration year does not read (money; which
   * services a transition takes), from the scenario registry: runs that differ only in them share one
   * fit (docs/model.md §4.3). Absent: the year's inputs are every key.
   */
  notReadByCalibration?: readonly string[];
  policy: Policy;
  transitions: Transition[];
  fosterWales: {
    netNewPlaces: Timeline;
    transfersFromFp: Timeline;
    /** Net new LA foster places as a share of each LA's LA foster places, a year (docs/model.md §5). */
    netGrowthRate?: Timeline;
    /** An LA's own net new places: it takes these instead of a share of `netNewPlaces`. */
    netNewPlacesByLa?: Record<string, Timeline>;
    /** The nation's foster need, when the dataset holds only part of it: `netNewPlaces` is then cut to the dataset's share. */
    nationNeed?: Timeline | null;
  };
  regionalResidential: RegionalHome[];
  outsideWales: OutsideWales;
  inflation: Timeline;
  /** Growth of the general price level a year (the GDP deflator), for money in constant prices (`--prices`). */
  deflator: Timeline;
  /** Weekly cost of an unplaced child in base-year prices; null = costed at 0. */
  unplacedWeeklyCostGbp: Timeline | null;
  /** Absent: the least-distance matching of docs/model.md §4.2. */
  matching?: MatchingSettings;
  /** Prices per place of the transition's events (`one_off_costs`); absent: every one 0. */
  oneOffCosts?: OneOffCosts;
}

// ---------------------------------------------------------------------------------------------
// Results.

// The metrics, their names, kinds, labels and flows, are the catalogue's (src/model/metrics/catalogue.ts).
export { METRICS, FLOW_METRICS, type MetricName } from './metrics/catalogue.js';
export type { CostParts, LaYearTally } from './metrics/tally.js';
import type { MetricName } from './metrics/catalogue.js';
import type { LaYearTally } from './metrics/tally.js';

/** One group of children in the state: same placing LA, type, sector, host and provider. */
export interface PlacementGroup {
  laCode: string;
  placementType: MarketType;
  sector: Sector;
  host: string;
  providerId: string;
  children: number;
}

/** A provider's places at one host for one type, as the model tracks them year by year. */
export interface ProviderPlaces extends Omit<ProviderRow, 'source'> {
  /** Region slug whose children alone may use these places (tier b), or null. */
  reservedForRegion: RegionSlug | null;
  /**
   * Under `usable_places: held` (docs/model.md §4.3), for a provider of the base date: its places then
   * (heldBasePlaces) and the children it then held, at most those places (heldUsable). Places beyond
   * heldBasePlaces are usable at occupancy. Absent for providers that open later.
   */
  heldBasePlaces?: number;
  heldUsable?: number;
}

export interface HostYearPlaces {
  host: string;
  placementType: MarketType;
  places: number;
  forProfitPlaces: number;
  /** Places the dataset's LAs can use: each provider's usable places less its external children, never below 0. */
  usablePlaces: number;
  /** Children of authorities outside the dataset held there at year end. */
  externalChildren: number;
}

export interface YearResult {
  /** Financial year t; the base row has t = B − 1. */
  year: number;
  /** ISO date of the state: 31 March t+1. */
  asAt: string;
  isBase: boolean;
  tallies: LaYearTally[];
  /** Places located in each host LA (all sectors), by type. */
  places: HostYearPlaces[];
  /** The year-end placement state, for plans and audits (empty when run with keepPlacements: false). */
  groups: PlacementGroup[];
  /** Each provider at year end, with its usable places that year less the other authorities' children it holds (`usableForDataset`). */
  providers: Array<ProviderPlaces & { usableForDataset?: number }>;
  /**
   * Children each LA newly placed with each provider in the year's matching (outside Wales as provider
   * OUTSIDE_WALES): what a plan's supplementary placement applications name. Empty like `groups`.
   */
  placedInYear?: PlacementGroup[];
  /** Non-fatal notes raised while running (e.g. a for-profit opening refused under the freeze). */
  warnings: string[];
}

export interface Projection {
  scenario: string;
  baseYear: number;
  years: YearResult[];
}

/** A row of output: one area and year with its metrics (null = empty). */
export type AreaLevel = 'wales' | 'region' | 'la';

/** What identifies a row of output: scenario, area and year. */
export interface RowKey {
  scenario: string;
  level: AreaLevel;
  areaCode: string;
  areaName: string;
  year: number;
  asAt: string;
}

export interface AreaYearRow extends RowKey {
  metrics: Record<MetricName, number | null>;
}
