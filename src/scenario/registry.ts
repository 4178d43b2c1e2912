// The registry of scenario parameters (docs/model.md §4.2 and §5): every key a scenario may set,
// declared once, in the manner of OpenFisca's parameter files. Everything else is derived from this
// table by generic code:
//
//   schema.ts     the strict zod schema (unknown keys, types, ranges, year maps, distributions)
//   load.ts       the defaults, the normalised spec (and its hash), the assumptions log
//   resolve.ts    the ModelScenario of one run, and the Monte Carlo draw order (the table's order)
//   docs          the reference table in docs/scenarios.md (scripts/scenario-docs.mjs)
//
// A path names a key in the YAML: `a.b` a key of a map, `a[]` the items of a list (`a[].b` a field
// of each item). The model receives each parameter at the camelCase of its path
// (`foster_wales.net_new_places` -> `fosterWales.netNewPlaces`) unless the row says `model`.
//
// To add a parameter: add its row here (in the place where it should be drawn and logged), and use
// it in the model (src/model/types.ts ModelScenario, and the rule that reads it). Nothing else.
import { MARKET_TYPES, PLACEMENT_TYPES, SECTORS } from '../model/types.js';
import type { ParamKind } from './params.js';

export type { ParamKind } from './params.js';

/** A number (or distribution, or year map of them): checked, drawn and logged as one parameter. */
export interface NumericRow {
  path: string;
  kind: ParamKind;
  /** May take a year map (docs/model.md §5). False only where the parameter's own row fixes its year. */
  dated: boolean;
  /** May be a distribution (docs/model.md §4.1). */
  distribution: boolean;
  /** In force before the first year key, and when the key is absent; null = absent (a nullable parameter). */
  default: number | null;
  /** null is a value the parameter may take (it then means what `default: null` means). */
  nullable?: boolean;
  required?: boolean;
  /**
   * A map by LA may stand for the parameter: `map` is a separate key holding only LA keys
   * (`demand.rate_by_la`); `default-or-map` is one key that is either a value or a map of LA keys
   * and `default` (`outside_wales.distance_km`). The model receives `<name>ByLa` by LA code.
   */
  byLa?: 'map' | 'default-or-map';
  /**
   * Left out of the spec (so of its hash) when not in force: a parameter in force only under one
   * choice (`demand.entries_change` under `method: flows`) enters the hash only of the scenarios that
   * make that choice.
   */
  specOnlyInForce?: boolean;
  /** In force only when another key has a value (not drawn, not logged otherwise). */
  when?: When;
  /**
   * Words the parameter may take in place of a number (`outside_wales.places: held`): the spec and
   * the model hold the word itself; a misspelt word gets "did you mean".
   */
  keywords?: readonly string[];
  /** A Timeline's value before its first year key, where the default (null) has no number: no cap is Infinity. */
  before?: number;
  /** Reaches the model only when the dataset holds part of the nation (a Welsh dataset of fewer than the 22 LAs); null otherwise. */
  partOfNationOnly?: boolean;
  /**
   * Absent (or null): the model receives this other parameter's value (`deflator` is `inflation`
   * unless given). The spec then leaves the key out, so the key enters the hash only of the
   * scenarios that give it; the log says which parameter stands in.
   */
  sameAs?: string;
  /**
   * A map by sector may stand for the value (`occupancy: { residential: { fp: 0.85 } }`): the spec and
   * the model hold it at `<bySector>.<last segment of path>` (`occupancyBySector.residential.fp`), the
   * sectors it names only; the others, and the value itself, keep the default.
   */
  bySector?: string;
  /** Where the spec and the model hold it (dotted camelCase), when not the camelCase of `path`. */
  at?: string;
  doc: string;
}

/** Anything else a scenario sets: years, choices, switches, names. */
export interface FixedRow {
  path: string;
  kind:
    | 'year' // a year such as 2027
    | 'years' // a whole number of years (at least 2)
    | 'choice' // one of `options`
    | 'bool'
    | 'text'
    | 'la' // a local authority of the dataset: ONS code, English or Welsh name
    | 'region' // a region of the dataset: slug or name
    | 'note' // free text kept in the assumptions log beside its row
    | 'source' // the source of a row's parameters (each may carry its own)
    | 'number' // a plain number (no distribution, no year map), at least `min` when given
    | 'per_type'; // a plain number for every market type, or a map by market type; at least `min` when given
  options?: readonly string[];
  nullable?: boolean;
  required?: boolean;
  /** `number`, `per_type`: the least value allowed. */
  min?: number;
  /** The value the spec and the model hold while the row is not in force (`when`); default: as written or its default. */
  otherwise?: string | boolean | number;
  /** A year that must be at least the data's base year. */
  fromBaseYear?: boolean;
  /**
   * Absent: null. `base year + N` for a horizon; `region of host` for a regional home's region
   * (the region of the LA in the row's `host` field).
   */
  default?: string | boolean | number | null | { baseYearPlus: number } | { regionOf: string };
  when?: When;
  model?: string | null;
  doc: string;
}

/** In force only when another key has a value (all of them, for a list). */
export type When = { path: string; equals: string | boolean } | ReadonlyArray<{ path: string; equals: string | boolean }>;

/** A list of rows (`transitions`): its fields are the rows whose path starts with `<path>[].`. */
export interface ListRow {
  path: string;
  kind: 'list';
  /** A single map may stand for a one-item list (`mix_shift: {from, to, share}`). */
  singleItem?: boolean;
  /**
   * An item whose LA the dataset leaves out (a Welsh LA of a partial Welsh dataset) is not modelled
   * nor logged; it keeps its index, so the other items keep their paths and Monte Carlo streams.
   * Otherwise such an item stays (a transition hosted there simply matches nothing).
   */
  dropOutsideDataset?: boolean;
  doc: string;
}

export type Row = NumericRow | FixedRow | ListRow;

/**
 * Maps a scenario may leave out altogether: the spec and the model then have no such key (so the
 * map enters the hash only of the scenarios that give it), and the log none of its rows.
 */
export const OPTIONAL_MAPS: readonly string[] = ['matching', 'one_off_costs'];

const SHARE = { kind: 'share', dated: true, distribution: true } as const;
const CHOICE = { path: 'matching.method', equals: 'choice' } as const;
/** β, α and γ are in force only as set by hand: under choice, without calibration. */
const HAND_SET = [CHOICE, { path: 'matching.calibrate', equals: false }] as const;
/** The flows keys (docs/model.md §4.4): in force, and in the spec, only under `demand.method: flows`. */
const FLOWS_ONLY = { when: { path: 'demand.method', equals: 'flows' }, specOnlyInForce: true } as const;
const RATE = { kind: 'rate', dated: true, distribution: true } as const;
const TREND = { path: 'demand.method', equals: 'trend' } as const;
/** A price per place of a transition event: pounds, dated, uncertain, 0 unless given. */
const GBP = { kind: 'gbp', dated: true, distribution: true, default: 0 } as const;

/**
 * Every scenario parameter, in the order of the assumptions log and of the Monte Carlo draws.
 * A new row goes where it belongs among its kin; appending keeps existing outputs unchanged (draws are
 * keyed by path, so the order changes only the log and the documentation).
 */
export const REGISTRY: readonly Row[] = [
  { path: 'horizon.from', kind: 'year', nullable: true, default: null, model: null, doc: 'First year shown (the base row is the year before the base year); null = from the base row.' },
  { path: 'horizon.to', kind: 'year', nullable: true, default: { baseYearPlus: 10 }, model: 'horizonTo', doc: 'Last financial year projected.' },

  { path: 'demand.method', kind: 'choice', options: ['change', 'trend', 'flows'], default: 'change', doc: 'How need grows: `change` applies `rate`; `trend` extends the least-squares line of the last `trend_years` points of demand_history; `flows` steps each LA by entries less exits (docs/model.md §4.4).' },
  { path: 'demand.trend_years', kind: 'years', default: 5, when: TREND, doc: 'Points of demand_history the trend is fitted to.' },
  { path: 'demand.damping', kind: 'share', dated: false, distribution: true, default: 1, when: TREND, specOnlyInForce: true, doc: '`trend`: φ, the damping of the line: the change h years past the last point is the fitted slope × φ^h (1: a straight line; 0.8 flattens it within a few years). docs/methodology.md, "Damped and reconciled trends".' },
  { path: 'demand.reconcile', kind: 'choice', options: ['none', 'nation'], default: 'none', when: TREND, doc: "`trend`: `nation` scales the LAs' projections each year to the nation's, projected by the same method from the sum of the LAs' demand_history (top-down reconciliation)." },
  { path: 'demand.rate', ...RATE, default: 0, when: { path: 'demand.method', equals: 'change' }, doc: 'Change a year in children looked after.' },
  { path: 'demand.rate_by_la', ...RATE, default: 0, byLa: 'map', when: { path: 'demand.method', equals: 'change' }, doc: 'An LA listed here uses its own rate in place of `rate` (keys: LA code, English or Welsh name).' },
  { path: 'demand.entries_change', ...RATE, default: 0, ...FLOWS_ONLY, doc: "`flows`: change in each LA's entries against its base entries (the flows of the year to the base date); entries = round(base × (1 + entries_change))." },
  { path: 'demand.mean_years_in_care', kind: 'duration', dated: true, distribution: true, nullable: true, default: null, before: Number.NaN, ...FLOWS_ONLY, doc: "`flows`: exits = round(children looked after at the year's start ÷ mean years in care). By default, and before a year map's first key, each LA's children at the base date ÷ its base entries (exits balance entries)." },
  { path: 'demand.mean_years_in_care_by_la', kind: 'duration', dated: true, distribution: true, default: null, before: Number.NaN, byLa: 'map', ...FLOWS_ONLY, doc: 'An LA listed here uses its own mean time in care (before its first year key, `mean_years_in_care`).' },
  { path: 'demand.extra_entries', kind: 'places', dated: true, distribution: true, default: 0, byLa: 'default-or-map', ...FLOWS_ONLY, doc: "`flows`: entries added each year (unaccompanied asylum-seeking children): one count shared over LAs by children looked after at the base date, or a map by LA (with `default` shared over the LAs not listed)." },

  { path: 'mix_shift', kind: 'list', singleItem: true, doc: 'Moves of the type mix, compounding each year from the base year (one map or a list).' },
  { path: 'mix_shift[].from', kind: 'choice', options: PLACEMENT_TYPES, required: true, doc: 'Placement type whose mix weight moves.' },
  { path: 'mix_shift[].to', kind: 'choice', options: PLACEMENT_TYPES, required: true, doc: 'Placement type that receives it.' },
  { path: 'mix_shift[].share', ...SHARE, default: 0, required: true, doc: "Share of the from-type's mix weight moved each year." },

  { path: 'turnover.foster', ...SHARE, default: 0.3, doc: 'Share of continuing foster placements that end in a year.' },
  { path: 'turnover.residential', ...SHARE, default: 0.45, doc: 'Share of continuing residential placements that end in a year.' },
  { path: 'turnover.secure', ...SHARE, default: 0.9, doc: 'Share of continuing secure placements that end in a year.' },
  { path: 'occupancy.foster', ...SHARE, default: 0.9, bySector: 'occupancyBySector', doc: 'Usable share of foster places; or a map by sector (`{ la: 0.95, fp: 0.85 }`), a sector left out taking the default.' },
  { path: 'occupancy.residential', ...SHARE, default: 0.85, bySector: 'occupancyBySector', doc: 'Usable share of residential places; or a map by sector.' },
  { path: 'occupancy.secure', ...SHARE, default: 0.9, bySector: 'occupancyBySector', doc: 'Usable share of secure places; or a map by sector.' },
  { path: 'usable_places', kind: 'choice', options: ['occupancy', 'held'], default: 'occupancy', doc: '`held`: a provider of the base date uses as many places as it then held children, never more than its places (docs/model.md §4.3).' },
  { path: 'transition_unit', kind: 'choice', options: ['places', 'services'], default: 'places', doc: 'What transitions act on: a share of every service\'s places, or whole services (docs/model.md §4.3).' },
  { path: 'rounding', kind: 'choice', options: ['largest_remainder', 'unbiased'], default: 'largest_remainder', doc: "How each LA's and type's turnover endings are shared over its groups: largest remainder with ties in key order (docs/model.md §4.2), or unbiased controlled rounding drawn from the run's stream `turnover.rounding` (docs/model.md §4.3)." },
  { path: 'external_demand.rate', ...RATE, default: 0, at: 'externalDemandRate', doc: "Change a year in other authorities' use of the dataset's places." },

  { path: 'policy.fp_growth_frozen_from', kind: 'year', nullable: true, default: null, doc: 'From this year no new for-profit places open (strategy opens are skipped with a warning).' },
  { path: 'policy.approval_required_from', kind: 'year', nullable: true, default: null, doc: 'From this year placements outside Wales need approval.' },
  { path: 'policy.fp_new_placements_end', kind: 'year', nullable: true, default: null, doc: 'From this year for-profit vacancies in Wales take only the exceptions share of new placements.' },
  { path: 'policy.exceptions_share', ...SHARE, default: 0, doc: 'Share of the children entering tier (c) that may still take a for-profit place after `fp_new_placements_end`.' },

  { path: 'transitions', kind: 'list', doc: 'Provider exits and conversions, once each, in their year, in list order.' },
  { path: 'transitions[].year', kind: 'year', required: true, fromBaseYear: true, doc: 'Year of the transition (1 April).' },
  { path: 'transitions[].sector', kind: 'choice', options: SECTORS, default: null, doc: 'Only providers of this sector.' },
  { path: 'transitions[].placement_type', kind: 'choice', options: MARKET_TYPES, default: null, doc: 'Only providers of this type.' },
  { path: 'transitions[].region', kind: 'region', default: null, doc: "Only providers hosted in this region (the dataset's slug or name)." },
  { path: 'transitions[].host', kind: 'la', default: null, doc: 'Only providers hosted in this LA.' },
  { path: 'transitions[].provider_id', kind: 'text', default: null, doc: 'Only this provider.' },
  { path: 'transitions[].unit', kind: 'choice', options: ['places', 'services'], default: null, doc: 'This transition\'s unit; default: `transition_unit`.' },
  { path: 'transitions[].exit', kind: 'share', dated: false, distribution: true, default: 0, doc: 'Share of the matching places that close (dated by the row\'s year).' },
  { path: 'transitions[].convert', kind: 'share', dated: false, distribution: true, default: 0, doc: 'Share of the matching for-profit places that convert to not-for-profit; exit + convert <= 1.' },
  { path: 'transitions[].note', kind: 'note', doc: 'Free text, kept in the assumptions log.' },
  { path: 'transitions[].source', kind: 'source', doc: "Source of the row's values." },

  { path: 'foster_wales.net_new_places', kind: 'net_places', dated: true, distribution: true, default: 0, doc: 'Net new LA foster places a year for the whole nation, shared over LAs by foster need.' },
  { path: 'foster_wales.transfers_from_fp', ...SHARE, default: 0, doc: 'Share of for-profit foster places whose carers move to Foster Wales in a year.' },
  { path: 'foster_wales.net_growth_rate', ...RATE, default: 0, doc: "Net new LA foster places as a share of each LA's own LA foster places at 1 April, a year, added to `net_new_places`." },
  { path: 'foster_wales.net_new_places_by_la', kind: 'net_places', dated: true, distribution: true, default: 0, byLa: 'map', doc: 'An LA\'s own net new places: it takes these instead of a share of `net_new_places`.' },
  { path: 'foster_wales.nation_need', kind: 'places', dated: true, distribution: true, nullable: true, default: null, partOfNationOnly: true, doc: "The nation's children needing foster care: on a dataset holding part of the nation, `net_new_places` is cut to the dataset's share of it." },

  { path: 'regional_residential', kind: 'list', dropOutsideDataset: true, doc: 'Regional residential homes opening.' },
  { path: 'regional_residential[].region', kind: 'region', default: { regionOf: 'host' }, doc: "Region whose children the places are reserved for (slug or name); default: the host's region." },
  { path: 'regional_residential[].host', kind: 'la', required: true, doc: 'LA where the home is.' },
  { path: 'regional_residential[].year', kind: 'year', required: true, fromBaseYear: true, doc: 'Year the home opens.' },
  { path: 'regional_residential[].places', kind: 'places', dated: false, distribution: true, default: 0, required: true, doc: "Places of the home (dated by the row's year)." },
  { path: 'regional_residential[].sector', kind: 'choice', options: SECTORS, default: 'la', doc: 'Sector of the home.' },
  { path: 'regional_residential[].placement_type', kind: 'choice', options: MARKET_TYPES, default: 'residential', doc: 'Type of the places.' },
  { path: 'regional_residential[].reserved_for_region', kind: 'bool', default: true, doc: "Places used only by the region's children (tier b)." },
  { path: 'regional_residential[].note', kind: 'note', doc: 'Free text, kept in the assumptions log.' },
  { path: 'regional_residential[].source', kind: 'source', doc: "Source of the row's values." },

  { path: 'outside_wales.allowed', kind: 'bool', default: true, doc: 'Whether children may be placed outside the nation (tier d).' },
  { path: 'outside_wales.places', kind: 'places', dated: true, distribution: true, nullable: true, keywords: ['held'], default: null, before: Number.POSITIVE_INFINITY, doc: "Cap on children newly placed outside the nation in a year; null = no cap; `held`: the base date's intake, each type's children outside the nation at the base date × its year-B turnover (under `choice` each type's own cap; docs/model.md §4.2)." },
  { path: 'outside_wales.distance_km', kind: 'km', dated: true, distribution: true, default: 150, byLa: 'default-or-map', doc: 'Distance of a placement outside the nation: one value, or a map by LA with `default`.' },
  { path: 'outside_wales.sector', kind: 'choice', options: SECTORS, default: 'fp', doc: 'Sector of placements outside the nation.' },
  { path: 'outside_wales.price_premium', ...SHARE, default: 0, doc: "Extra price of a placement outside the nation in a year, as a share of its cost row (England's market tightening)." },

  { path: 'inflation', ...RATE, default: 0, doc: 'Change a year in weekly costs.' },
  { path: 'unplaced_weekly_cost_gbp', kind: 'gbp', dated: true, distribution: true, nullable: true, default: null, doc: 'Weekly cost of an unplaced child in base-year prices; null = costed at 0.' },
  { path: 'deflator', ...RATE, nullable: true, default: 0, sameAs: 'inflation', doc: 'Growth a year of the general price level (the GDP deflator), used only by `--prices YEAR`: money in constant YEAR prices is cash in year t ÷ Π(1 + deflator(u)), u = YEAR+1 … t.' },
  // One-off costs of the transition (docs/methodology.md, "One-off costs of the transition"): a map a scenario may leave out.
  { path: 'one_off_costs.open.foster', ...GBP, doc: 'Cost per foster place opened by a strategy row (`open`), in base-year prices.' },
  { path: 'one_off_costs.open.residential', ...GBP, doc: "Capital per residential place opened (a strategy's `open` row, a regional home), in base-year prices." },
  { path: 'one_off_costs.open.secure', ...GBP, doc: 'Capital per secure place opened, in base-year prices.' },
  { path: 'one_off_costs.recruit.foster', ...GBP, doc: "Cost per foster place recruited (Foster Wales growth, a strategy's `recruit` row), in base-year prices." },
  { path: 'one_off_costs.convert.residential', ...GBP, doc: 'Cost per residential place converted to not-for-profit (legal, registration), in base-year prices.' },
  { path: 'one_off_costs.convert.foster', ...GBP, doc: 'Cost per foster place converted to not-for-profit, in base-year prices.' },
  { path: 'one_off_costs.transfer.foster', ...GBP, doc: 'Cost per foster place whose carers move to Foster Wales, in base-year prices.' },
  { path: 'matching.method', kind: 'choice', options: ['least_distance', 'choice'], default: 'least_distance', doc: 'How children meet vacancies in tiers (c) to (e): the least total distance (docs/model.md §4.2), or placement choice (docs/model.md §4.3).' },
  { path: 'matching.calibrate', kind: 'bool', default: true, otherwise: false, when: CHOICE, doc: 'Fit the distance decay, outside pull and own-LA pull so that the base state is a steady state.' },
  { path: 'matching.own_la_first', kind: 'bool', default: false, when: CHOICE, doc: "Children take their own LA's places first (tier a) before choosing." },
  { path: 'matching.sector_preference', kind: 'number', min: 0, default: 0, when: CHOICE, doc: 'ρ: pull lost per sector rank (la, nfp, fp).' },
  { path: 'matching.distance_decay', kind: 'per_type', min: 0, default: 0.02, when: HAND_SET, doc: 'β per km, by market type or one for all; used as given without calibration.' },
  { path: 'matching.outside_pull', kind: 'per_type', default: 0, when: HAND_SET, doc: 'α: the pull of outside the nation (log scale), by market type or one for all.' },
  { path: 'matching.own_la_pull', kind: 'per_type', default: 0, when: HAND_SET, doc: "γ: the pull of the child's own LA (log scale), by market type or one for all." },
];

export function isNumericRow(r: Row): r is NumericRow {
  return r.kind === 'share' || r.kind === 'rate' || r.kind === 'places' || r.kind === 'net_places' || r.kind === 'km' || r.kind === 'gbp' || r.kind === 'duration';
}

/** `foster_wales.net_new_places` -> `fosterWales.netNewPlaces`. */
export function camelPath(p: string): string {
  return p.replace(/\[\]/g, '').replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The rows of a list's items, by field name. */
export function fieldsOf(list: string): Row[] {
  return REGISTRY.filter((r) => r.path.startsWith(`${list}[].`));
}

/** The rows outside any list. */
export function topRows(): Row[] {
  return REGISTRY.filter((r) => !r.path.includes('[]'));
}

/** The last segment of a path. */
export function leafName(p: string): string {
  return p.slice(p.lastIndexOf('.') + 1);
}
