// One reader per resource (docs/model.md §3): the rows that passed their schema, as the dataset's
// rows with the file and line they came from. The columns map onto the rows from the resource table
// (rows.ts `locatedRows`); a reader adds only what the table cannot say: a field derived from
// another, or a rule that needs the base year (docs/methodology.md, "Checks on the data").
import {
  isMarketType,
  type CostRow,
  type DemandPoint,
  type ExternalPlacementRow,
  type FlowRow,
  type LocalAuthority,
  type Nation,
  type PlacementRow,
  type ProviderRow,
  type Region,
  type StrategyRow,
} from '../model/types.js';
import type { Located } from './capacity.js';
import type { RowContext } from './cells.js';
import { regionsOf } from './regions.js';
import { isLaCode, makeLaResolver } from '../common/la-names.js';
import type { LoadProblems } from './load-problems.js';
import { cellText, locatedRows, parsedRows, type ResourceRows } from './rows.js';

/**
 * The context rows are checked in: the dataset's LAs, resolvable by their code and names even if
 * another cell of their row is wrong, so that one bad latitude does not turn every mention of that
 * LA elsewhere into an "unknown LA".
 */
export function laContext(res: ResourceRows | null, nation: Nation): RowContext {
  const ctx: RowContext = { resolveLa: null, suggestLa: () => null, nation };
  if (res === null) return ctx;
  const known = res.rows
    .filter((r) => isLaCode((r.raw.la_code ?? '').trim()))
    .map((r): LocalAuthority => ({
      code: r.raw.la_code.trim(),
      nameEn: r.raw.name_en || r.raw.la_code,
      nameCy: r.raw.name_cy || r.raw.la_code,
      region: '',
      lat: 0,
      lon: 0,
      areaKm2: 0,
    }));
  if (known.length > 0) {
    const resolver = makeLaResolver(known);
    ctx.resolveLa = (t) => resolver.resolve(t);
    ctx.suggestLa = (t) => resolver.suggest(t);
  }
  return ctx;
}

export interface LocalAuthorities {
  at: Array<Located<LocalAuthority>>;
  regions: Region[];
  /** "Cardiff (W06000015)" for an LA code, the code alone for one the dataset lacks. */
  label: (code: string) => string;
}

export function readLocalAuthorities(res: ResourceRows | null): LocalAuthorities {
  const rows = parsedRows(res);
  const at = locatedRows<LocalAuthority>('local_authorities', rows);
  const names = new Map(at.map((la) => [la.row.code, la.row.nameEn]));
  return {
    at,
    regions: regionsOf(rows.map((r) => ({ code: cellText(r, 'la_code')!, slug: cellText(r, 'region')!, name: r.raw.region.trim() }))),
    label: (code) => (names.has(code) ? `${names.get(code)} (${code})` : code),
  };
}

export interface DemandHistory {
  /** Every row, the nation's included. */
  at: Array<Located<DemandPoint>>;
  /** The LAs' rows: the model projects LAs. */
  las: DemandPoint[];
  /** The nation's own published totals, kept apart: the backtest scores the nation on them. */
  nation: DemandPoint[];
  /** The latest year of the LAs' rows; null without one. */
  baseYear: number | null;
  /** 31 March of the base year ('' without one). */
  baseDate: string;
}

export function readDemandHistory(res: ResourceRows | null, nation: Nation): DemandHistory {
  const at = locatedRows<Omit<DemandPoint, 'year'>>('demand_history', parsedRows(res)).map(({ row, file, line }) => ({
    row: { ...row, year: Number(row.asAt.slice(0, 4)) },
    file,
    line,
  }));
  const points = at.map((d) => d.row);
  const las = points.filter((d) => d.laCode !== nation.code);
  const baseYear = las.length > 0 ? Math.max(...las.map((d) => d.year)) : null;
  return { at, las, nation: points.filter((d) => d.laCode === nation.code), baseYear, baseDate: baseYear === null ? '' : `${baseYear}-03-31` };
}

export interface Providers {
  at: Array<Located<ProviderRow>>;
  rows: ProviderRow[];
  /** Some providers row could not be read: checks against places wait for it. */
  tainted: boolean;
}

export function readProviders(res: ResourceRows | null): Providers {
  const at = locatedRows<ProviderRow>('providers', parsedRows(res));
  return { at, rows: at.map((p) => p.row), tainted: res !== null && (!res.complete || res.rows.some((r) => r.parsed === null)) };
}

/**
 * The placements at the base date. A market row needs a sector and a host; it is checked on the raw
 * cells so that it is reported with the row's other problems, and a row without them is set aside.
 */
export function readPlacements(res: ResourceRows | null, problems: LoadProblems): Array<Located<PlacementRow>> {
  for (const r of res?.rows ?? []) {
    const type = (r.raw.placement_type ?? '').trim().toLowerCase();
    if (!isMarketType(type)) continue;
    for (const c of ['sector', 'host'] as const) {
      if ((r.raw[c] ?? '').trim() === '') {
        const what = c === 'sector' ? 'a sector (la, nfp, fp)' : 'a host (a local authority or OUTSIDE_WALES)';
        problems.error(r.file, r.line, c, `expected ${what} for a ${type} placement, found an empty cell (only non-market types may leave it empty)`);
        r.parsed = null;
      }
    }
  }
  return locatedRows<PlacementRow>('placements', parsedRows(res));
}

/** The strategies, each from the base year on (a strategy changes the capacity the model projects). */
export function readStrategies(res: ResourceRows | null, baseYear: number | null, problems: LoadProblems): Array<Located<StrategyRow>> {
  const fromBase = parsedRows(res).filter((r) => {
    if (baseYear === null || (r.parsed!.year as number) >= baseYear) return true;
    problems.error(r.file, r.line, 'year', `expected a financial year from ${baseYear} (the base year) on, found "${r.raw.year}"`);
    return false;
  });
  return locatedRows<StrategyRow>('strategies', fromBase);
}

export function readCosts(res: ResourceRows | null): Array<Located<CostRow>> {
  return locatedRows<CostRow>('costs', parsedRows(res));
}

/** The flows of observed years only, before the base year: the scenario's entries_change states the future (docs/model.md §4.4). */
export function readFlows(res: ResourceRows | null, demand: DemandHistory, problems: LoadProblems): Array<Located<FlowRow>> {
  const { baseYear, baseDate } = demand;
  const observed = parsedRows(res).filter((r) => {
    if (baseYear === null || (r.parsed!.year as number) < baseYear) return true;
    const ended = `${baseYear - 1}-${String(baseYear % 100).padStart(2, '0')}`;
    problems.error(r.file, r.line, 'year', `expected a financial year before ${baseYear} (flows are observed: the year ${ended} ends on the base date ${baseDate}), found "${r.raw.year}"`);
    return false;
  });
  return locatedRows<FlowRow>('flows', observed);
}

/** Other authorities' children at the dataset's providers (docs/model.md §4.3). */
export function readExternalPlacements(res: ResourceRows | null): Array<Located<ExternalPlacementRow>> {
  return locatedRows<ExternalPlacementRow>('external_placements', parsedRows(res));
}
