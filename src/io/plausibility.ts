// Figures that pass their cell's check but cannot be right together, or are merely unusual: sizes
// against the nation's children looked after, an LA's rows against the nation's, flows against the
// stock they flow into and out of, codes against the dataset's own LAs, costs and strategies against
// sense. What cannot be right is an error; what is unusual is a warning that states its threshold.
// The rules and their thresholds are listed in docs/methodology.md, "Checks on the data".
import type { Problem } from '../errors.js';
import type { CostRow, DemandPoint, ExternalPlacementRow, FlowRow, LocalAuthority, Nation, ProviderRow, StrategyRow } from '../model/types.js';
import type { Located } from './capacity.js';
import { foldName } from '../common/la-names.js';

/** An LA's flow in one year above this many times its children looked after at the year's end warns. */
export const FLOW_WARN_RATIO = 1;
/** ... and above this many times is an error: no care population turns over five times in a year. */
export const FLOW_ERROR_RATIO = 5;
/** Stock identity (children at the start + started − ceased = children at the end) missed by more than this share of the end figure, and by more than FLOW_GAP_CHILDREN, warns. */
export const FLOW_GAP_SHARE = 0.1;
export const FLOW_GAP_CHILDREN = 10;
/** The dataset's LAs together above the nation's own row by more than this share warns (estimates overshoot a little: 0.5% on the Wales data). */
export const NATION_SUM_TOLERANCE = 0.01;
/** An LA's children looked after more than doubling or falling below half from one 31 March to the next, by more than DEMAND_JUMP_CHILDREN, warns (a digit typed twice or lost). */
export const DEMAND_JUMP_RATIO = 2;
export const DEMAND_JUMP_CHILDREN = 20;
/** A weekly cost above this many pounds warns (pence typed as pounds; the dearest Welsh placement reported is £16,500 a week, docs/methodology.md "Checks on the data"). */
export const WEEKLY_COST_WARN_GBP = 50_000;

export interface PlausibilityInput {
  nation: Nation;
  baseYear: number;
  las: ReadonlyArray<Located<LocalAuthority>>;
  /** Every demand_history row, the nation's included. */
  demand: ReadonlyArray<Located<DemandPoint>>;
  /** Null when absent or some row could not be read. */
  providers: ReadonlyArray<Located<ProviderRow>> | null;
  strategies: ReadonlyArray<Located<StrategyRow>>;
  costs: ReadonlyArray<Located<CostRow>>;
  flows: ReadonlyArray<Located<FlowRow>>;
  external: ReadonlyArray<Located<ExternalPlacementRow>>;
  /** The dataset's LA that a text names (code, English or Welsh name), if any. */
  resolveLa: (text: string) => LocalAuthority | null;
  label: (code: string) => string;
}

type Report = (at: Located<unknown>, column: string | null, message: string) => void;

export function checkPlausibility(input: PlausibilityInput): Problem[] {
  const problems: Problem[] = [];
  const report =
    (severity: Problem['severity']): Report =>
    (at, column, message) =>
      problems.push({ file: at.file, line: at.line, column, message, severity });
  const error = report('error');
  const warn = report('warning');
  const children = childrenLookedAfter(input);
  const nationAtBase = children(input.nation.code, `${input.baseYear}-03-31`);
  checkLaNames(input, error);
  checkProviderIds(input, error, warn);
  checkDemand(input, error, warn);
  checkFlows(input, children, error, warn);
  checkExternal(input, nationAtBase, error);
  checkSizes(input, nationAtBase, warn);
  checkStrategies(input, warn);
  checkCosts(input, warn);
  return problems;
}

/**
 * Children looked after by an LA (or the nation) at a 31 March: its demand_history row; for the
 * nation without a row of its own, the sum of the LAs' rows when every LA has one. Null when unknown.
 */
function childrenLookedAfter(input: PlausibilityInput): (code: string, asAt: string) => number | null {
  const at = new Map(input.demand.map((d) => [`${d.row.laCode}|${d.row.asAt}`, d.row.children]));
  return (code, asAt) => {
    const own = at.get(`${code}|${asAt}`);
    if (own !== undefined) return own;
    if (code !== input.nation.code) return null;
    const las = input.las.map((la) => at.get(`${la.row.code}|${asAt}`));
    return las.length > 0 && las.every((n) => n !== undefined) ? las.reduce((s: number, n) => s + n!, 0) : null;
  };
}

/**
 * Every code and name (English or Welsh, folded as LAs are matched: case and accents aside) names one
 * LA only: two LAs called "Isle of Anglesey" would send every row that names it to the last of them.
 */
function checkLaNames(input: PlausibilityInput, error: Report): void {
  const first = new Map<string, { la: Located<LocalAuthority>; column: string }>();
  const nation = new Set([foldName(input.nation.code), foldName(input.nation.name)]);
  for (const la of input.las) {
    const columns: Array<[string, string]> = [['la_code', la.row.code], ['name_en', la.row.nameEn], ['name_cy', la.row.nameCy]];
    const seenInRow = new Set<string>();
    for (const [column, text] of columns) {
      const key = foldName(text);
      if (seenInRow.has(key)) continue; // an LA whose names are the same in both languages (Blaenau Gwent)
      seenInRow.add(key);
      if (nation.has(key)) {
        error(la, column, `"${text}" is also the nation's code or name (${input.nation.name}, ${input.nation.code}; datapackage.json "nation"): rows that name it would mean the nation, not this LA`);
        continue;
      }
      const prev = first.get(key);
      if (prev === undefined) {
        first.set(key, { la, column });
        continue;
      }
      if (column === 'la_code' && prev.column === 'la_code') continue; // a duplicate row, reported as such
      error(la, column, `"${text}" already names ${input.label(prev.la.row.code)} (line ${prev.la.line}): each code and name must tell one LA from the others, or rows that use it would go to one of them unseen`);
    }
  }
}

/**
 * One provider_id is one provider (docs/model.md §3): its rows at several hosts and types share its sector
 * (an error otherwise: the Act treats the sectors differently) and, less gravely, its name (a warning).
 */
function checkProviderIds(input: PlausibilityInput, error: Report, warn: Report): void {
  const first = new Map<string, Located<ProviderRow>>();
  for (const p of input.providers ?? []) {
    const prev = first.get(p.row.providerId);
    if (prev === undefined) {
      first.set(p.row.providerId, p);
      continue;
    }
    const where = `provider "${p.row.providerId}" at line ${prev.line}`;
    if (p.row.sector !== prev.row.sector) error(p, 'sector', `expected ${prev.row.sector}, the sector of ${where}, found "${p.row.sector}": one provider_id is one provider (give another id to another provider)`);
    else if (p.row.providerName !== prev.row.providerName) warn(p, 'provider_name', `expected "${prev.row.providerName}", the name of ${where}, found "${p.row.providerName}": one provider_id is one provider`);
  }
}

/** An LA above the nation's own row (error); the LAs together above it (warning); a count that doubles or halves in a year (warning). */
function checkDemand(input: PlausibilityInput, error: Report, warn: Report): void {
  const nation = new Map(input.demand.filter((d) => d.row.laCode === input.nation.code).map((d) => [d.row.asAt, d]));
  const sums = new Map<string, number>();
  const alone = new Set<string>();
  for (const d of input.demand) {
    if (d.row.laCode === input.nation.code) continue;
    sums.set(d.row.asAt, (sums.get(d.row.asAt) ?? 0) + d.row.children);
    const n = nation.get(d.row.asAt);
    if (n !== undefined && d.row.children > n.row.children) {
      alone.add(d.row.asAt);
      error(d, 'children', `${input.label(d.row.laCode)} has ${d.row.children} children looked after at ${d.row.asAt}, more than the nation's own row (${n.row.children} at ${n.file}:${n.line}): an LA is part of its nation`);
    }
  }
  for (const [asAt, n] of nation) {
    const sum = sums.get(asAt) ?? 0;
    if (sum > n.row.children * (1 + NATION_SUM_TOLERANCE) && !alone.has(asAt)) {
      warn(n, 'children', `the dataset's LAs hold ${sum} children looked after at ${asAt} together, more than this row of the nation (${n.row.children}) by more than ${100 * NATION_SUM_TOLERANCE}%`);
    }
  }
  const byLa = new Map<string, Array<Located<DemandPoint>>>();
  for (const d of input.demand) byLa.set(d.row.laCode, [...(byLa.get(d.row.laCode) ?? []), d]);
  for (const points of byLa.values()) {
    const sorted = [...points].sort((a, b) => a.row.year - b.row.year);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      if (b.row.year !== a.row.year + 1) continue;
      const [lo, hi] = [Math.min(a.row.children, b.row.children), Math.max(a.row.children, b.row.children)];
      if (hi > DEMAND_JUMP_RATIO * lo && hi - lo > DEMAND_JUMP_CHILDREN) {
        warn(b, 'children', `${input.label(b.row.laCode)} goes from ${a.row.children} children looked after at ${a.row.asAt} (line ${a.line}) to ${b.row.children} at ${b.row.asAt}: a change by more than a factor of ${DEMAND_JUMP_RATIO} in one year (a digit typed twice or lost?)`);
      }
    }
  }
}

/**
 * Flows against the nation's row of the same year (an LA's or the LAs' together above it is an
 * error: the model shares the nation's row less the LAs' own over the LAs without one, docs/
 * methodology.md "Demand from flows"), and against the stock they flow into and out of.
 */
function checkFlows(input: PlausibilityInput, children: (code: string, asAt: string) => number | null, error: Report, warn: Report): void {
  const nation = new Map(input.flows.filter((f) => f.row.laCode === input.nation.code).map((f) => [f.row.year, f]));
  const own = input.flows.filter((f) => f.row.laCode !== input.nation.code);
  for (const column of ['started', 'ceased'] as const) {
    const sums = new Map<number, number>();
    const alone = new Set<number>();
    for (const f of own) {
      sums.set(f.row.year, (sums.get(f.row.year) ?? 0) + f.row[column]);
      const n = nation.get(f.row.year);
      if (n !== undefined && f.row[column] > n.row[column]) {
        alone.add(f.row.year);
        error(f, column, `${input.label(f.row.laCode)}: ${f.row[column]} children ${column} in ${fy(f.row.year)}, more than the nation's row (${n.row[column]} at ${n.file}:${n.line}), which holds the dataset's LAs together`);
      }
    }
    for (const [year, n] of nation) {
      const sum = sums.get(year) ?? 0;
      if (sum > n.row[column] && !alone.has(year)) {
        error(n, column, `the LAs' own rows of ${fy(year)} add up to ${sum} children ${column}, more than this row of the nation (${n.row[column]}), which holds the dataset's LAs together`);
      }
    }
  }
  for (const f of input.flows) checkFlowAgainstStock(input, f, children, error, warn);
}

function checkFlowAgainstStock(input: PlausibilityInput, f: Located<FlowRow>, children: (code: string, asAt: string) => number | null, error: Report, warn: Report): void {
  const { laCode, year, started, ceased } = f.row;
  const who = laCode === input.nation.code ? input.nation.name : input.label(laCode);
  const endDate = `${year + 1}-03-31`;
  const atEnd = children(laCode, endDate);
  const stock = atEnd ?? children(laCode, `${input.baseYear}-03-31`);
  const stockText = atEnd !== null ? `${stock} at ${endDate}` : `${stock} at the base date`;
  if (stock !== null) {
    for (const column of ['started', 'ceased'] as const) {
      const n = f.row[column];
      if (n > FLOW_ERROR_RATIO * Math.max(stock, 1)) {
        error(f, column, `${n} children ${column} in ${fy(year)}: more than ${FLOW_ERROR_RATIO} times ${who}'s children looked after (${stockText}), which no care population turns over in a year`);
      } else if (n > FLOW_WARN_RATIO * stock) {
        warn(f, column, `${n} children ${column} in ${fy(year)}: more than ${who}'s children looked after (${stockText}); in Wales about 0.3 times as many children as are looked after start (or cease) in a year`);
      }
    }
  }
  const atStart = children(laCode, `${year}-03-31`);
  if (atStart === null) return;
  if (ceased > atStart + started) {
    error(f, 'ceased', `${ceased} children ceased to be looked after in ${fy(year)}, more than ${who} looked after at its start (${atStart} at ${year}-03-31) and started during it (${started}) together`);
    return;
  }
  if (atEnd === null) return;
  const gap = Math.abs(atStart + started - ceased - atEnd);
  if (gap > FLOW_GAP_CHILDREN && gap > FLOW_GAP_SHARE * atEnd) {
    warn(f, null, `${who}: ${atStart} children looked after at ${year}-03-31 + ${started} started − ${ceased} ceased = ${atStart + started - ceased}, but demand_history has ${atEnd} at ${endDate} (${gap} apart; more than ${FLOW_GAP_CHILDREN} children and ${100 * FLOW_GAP_SHARE}% warns)`);
  }
}

/**
 * Other authorities' children: a placing authority that is one of the dataset's own LAs (its
 * children are already in placements and would count twice), and more children at one host than
 * both the nation's children looked after and the places listed there.
 */
function checkExternal(input: PlausibilityInput, nationAtBase: number | null, error: Report): void {
  const placesAt = new Map<string, number>();
  for (const p of input.providers ?? []) placesAt.set(p.row.host, (placesAt.get(p.row.host) ?? 0) + p.row.places);
  const atHost = new Map<string, Array<Located<ExternalPlacementRow>>>();
  for (const e of input.external) {
    atHost.set(e.row.host, [...(atHost.get(e.row.host) ?? []), e]);
    const la = e.row.placingAuthority === null ? null : input.resolveLa(e.row.placingAuthority);
    if (la !== null) {
      error(e, 'placing_authority', `expected an authority outside the dataset, found "${e.row.placingAuthority}", which is ${input.label(la.code)}, one of its own LAs: its children belong in placements (counted here too, they would count twice)`);
    }
  }
  if (nationAtBase === null) return;
  for (const [host, rows] of atHost) {
    const total = rows.reduce((s, e) => s + e.row.children, 0);
    const places = placesAt.get(host) ?? 0;
    if (total <= Math.max(nationAtBase, places)) continue;
    const first = rows[0];
    const more = rows.length > 1 ? ` (rows at lines ${rows.map((r) => r.line).join(', ')})` : '';
    error(first, 'children', `${total} children of other authorities at ${input.label(host)}${more}: expected at most the nation's ${nationAtBase} children looked after at the base date or the ${places} places listed there, whichever is more`);
  }
}

/** One provider with more places than the nation has children looked after: a warning. */
function checkSizes(input: PlausibilityInput, nationAtBase: number | null, warn: Report): void {
  if (nationAtBase === null) return;
  for (const p of input.providers ?? []) {
    if (p.row.places > nationAtBase) {
      warn(p, 'places', `provider "${p.row.providerId}" lists ${p.row.places} ${p.row.placementType} places at ${input.label(p.row.host)}, more than the nation's ${nationAtBase} children looked after at the base date`);
    }
  }
  for (const s of input.strategies) {
    if (s.row.places > nationAtBase) {
      warn(s, 'places', `${input.label(s.row.laCode)} plans to ${s.row.action} ${s.row.places} ${s.row.sector} ${s.row.placementType} places at ${input.label(s.row.host)} in ${fy(s.row.year)}: more than the nation's ${nationAtBase} children looked after at the base date`);
    }
  }
}

/**
 * A `recruit` of anything but foster places (docs/model.md §3: recruit is foster carers; the model opens the
 * places all the same), and a strategy that closes more places than its host, sector and type hold
 * by then (the base date's places plus the strategies' opens and recruits, less their closes, year by
 * year): warnings, as the model closes what there is and warns again in the year (docs/methodology.md,
 * "Each year").
 */
function checkStrategies(input: PlausibilityInput, warn: Report): void {
  for (const s of input.strategies) {
    if (s.row.action === 'recruit' && s.row.placementType !== 'foster') {
      warn(s, 'action', `recruit is for foster carers (foster places), found for ${s.row.placementType}: read as open (write open for new ${s.row.placementType} places)`);
    }
  }
  if (input.providers === null) return;
  const open = new Map<string, number>();
  const key = (host: string, sector: string, type: string): string => `${host}|${sector}|${type}`;
  for (const p of input.providers) open.set(key(p.row.host, p.row.sector, p.row.placementType), (open.get(key(p.row.host, p.row.sector, p.row.placementType)) ?? 0) + p.row.places);
  const years = [...new Set(input.strategies.map((s) => s.row.year))].sort((a, b) => a - b);
  for (const year of years) {
    const rows = input.strategies.filter((s) => s.row.year === year);
    // Within a year the model closes first, then opens (docs/methodology.md, "Each year").
    for (const s of rows.filter((r) => r.row.action === 'close')) {
      const k = key(s.row.host, s.row.sector, s.row.placementType);
      const there = open.get(k) ?? 0;
      if (s.row.places > there) {
        warn(s, 'places', `closes ${s.row.places} ${s.row.sector} ${s.row.placementType} places at ${input.label(s.row.host)} in ${fy(year)}, but only ${there} are open there by then (providers and earlier strategies): only those can close`);
      }
      open.set(k, Math.max(0, there - s.row.places));
    }
    for (const s of rows.filter((r) => r.row.action !== 'close')) {
      const k = key(s.row.host, s.row.sector, s.row.placementType);
      open.set(k, (open.get(k) ?? 0) + s.row.places);
    }
  }
}

/** A weekly cost of 0 (those children would cost nothing) or above WEEKLY_COST_WARN_GBP: warnings. */
function checkCosts(input: PlausibilityInput, warn: Report): void {
  for (const c of input.costs) {
    const what = `${c.row.sector} ${c.row.placementType} ${c.row.location}`;
    if (c.row.weeklyCostGbp === 0) {
      warn(c, 'weekly_cost_gbp', `a weekly cost of 0 for ${what}: these placements will cost nothing in cost_gbp (leave the row out to leave their cost empty)`);
    } else if (c.row.weeklyCostGbp > WEEKLY_COST_WARN_GBP) {
      warn(c, 'weekly_cost_gbp', `a weekly cost of £${c.row.weeklyCostGbp} for ${what}: more than £${WEEKLY_COST_WARN_GBP} a week (pence written as pounds?)`);
    }
  }
}

/** 2023 -> "2023-24". */
function fy(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
