// Rules between keys (docs/model.md §4.2, §4.4 and §5), and between keys and the data: what no
// single parameter's range can say.
import { flowsInYear } from '../model/flows.js';
import { centralValue, isDistribution } from '../model/distribution.js';
import type { Dataset } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';
import { isPartOfNation, nationLaCodes } from './nation.js';
import { isPlainObject, isValueWithSource, isYearMapObject, valueAt } from './params.js';
import { REGISTRY, isNumericRow, topRows } from './registry.js';
import { isYear, type ScenarioPlaces } from './places.js';
import type { Issue } from './schema.js';
import type { PathSeg } from './yaml.js';

/** The value a parameter as written centres on (a distribution's central value), or null. */
function central(v: unknown): number | null {
  const inner = isPlainObject(v) && 'value' in v ? v.value : v;
  if (typeof inner === 'number') return inner;
  if (isDistribution(inner)) {
    try {
      const c = centralValue(inner);
      return Number.isFinite(c) ? c : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * `demand: { method: flows }` needs the data's flows for the year that ends on the base date, for
 * every LA (its own row or the nation's to share): an error before a run, a warning when `validate`
 * checks every scenario of a folder.
 */
export function checkFlowsData(dataset: Dataset, out: Issue[], missingData: 'error' | 'warning'): void {
  const B = dataset.baseYear;
  const fy = `${B - 1}-${String(B % 100).padStart(2, '0')}`;
  const refused = missingData === 'warning' ? '; project, diff and plan refuse this scenario on this data' : '';
  if (dataset.flows === undefined || dataset.flows === null) {
    out.push({ path: ['demand', 'method'], severity: missingData, message: `flows: needs the dataset's flows resource (la_code, year, started, ceased) with the year ${fy} that ends on the base date, found no flows resource; use method change or trend, or add flows${refused}` });
    return;
  }
  const stock = new Map(dataset.localAuthorities.map((l) => [l.code, 0]));
  if (flowsInYear(dataset.flows, B - 1, stock, dataset.nation.code) !== null) return;
  const have = new Set(dataset.flows.filter((r) => r.year === B - 1).map((r) => r.laCode));
  const missing = dataset.localAuthorities.filter((l) => !have.has(l.code)).map((l) => l.nameEn);
  const shown = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
  out.push({ path: ['demand', 'method'], severity: missingData, message: `flows: the dataset's flows have no row for ${fy} (the year that ends on the base date) for ${shown}, and no row for the nation (${dataset.nation.code}) to share${refused}` });
}

/**
 * A duration divides (exits = children looked after ÷ mean years in care, docs/model.md §4.4): each
 * value of a `duration` row, and of its map by LA, must be more than 0.
 */
function checkDurations(m: Record<string, unknown>, out: Issue[]): void {
  const positive = (v: unknown, at: PathSeg[]): void => {
    const values: Array<[PathSeg[], unknown]> = isYearMapObject(v) ? Object.entries(v).map(([k, x]) => [[...at, k], x]) : [[at, v]];
    for (const [p, x] of values) {
      const c = central(x);
      // A negative value is already refused by the range check of its kind (at least 0): only 0,
      // which the range allows but a division by the time in care cannot, is reported here.
      if (c === 0) out.push({ path: p, message: `expected a mean time in care of more than 0 years, found ${c}` });
    }
  };
  for (const row of topRows()) {
    if (!isNumericRow(row) || row.kind !== 'duration') continue;
    const at = row.path.split('.');
    const v = valueAt(m, at);
    if (row.byLa === 'map') {
      if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) positive(x, [...at, k]);
    } else if (v !== undefined) positive(v, at);
  }
}

/** The fields of a list's item that are shares of the same places (the row's `sharesOfOneWhole`): together at most 1. */
function checkSharesOfOne(m: Record<string, unknown>, out: Issue[]): void {
  const isShare = (x: number | null): x is number => x !== null && x >= 0 && x <= 1;
  for (const row of REGISTRY) {
    if (row.kind !== 'list' || row.sharesOfOneWhole === undefined) continue;
    const fields = row.sharesOfOneWhole;
    const items = valueAt(m, row.path.split('.'));
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isPlainObject(item)) return;
      const shares = fields.map((f) => (item[f] === undefined ? 0 : central(item[f])));
      if (!shares.every(isShare)) return;
      const sum = shares.reduce((a, b) => a + b, 0);
      if (sum > 1 + 1e-9) out.push({ path: [...row.path.split('.'), i, fields[fields.length - 1]], message: `expected ${fields.join(' + ')} of at most 1, found ${shares.join(' + ')} = ${round6(sum)}` });
    });
  }
}

/** Rules between keys (docs/model.md §4.2) that need no data. */
export function crossChecks(m: Record<string, unknown>, out: Issue[]): void {
  checkDurations(m, out);
  if (Array.isArray(m.mix_shift)) {
    m.mix_shift.forEach((s, i) => {
      if (isPlainObject(s) && typeof s.from === 'string' && s.from === s.to) out.push({ path: ['mix_shift', i, 'to'], message: `expected a type other than the "from" type, found ${s.to}` });
    });
  }
  checkSharesOfOne(m, out);
  if (Array.isArray(m.transitions)) {
    m.transitions.forEach((t, i) => {
      if (!isPlainObject(t)) return;
      const convert = t.convert === undefined ? 0 : central(t.convert);
      if (typeof t.sector === 'string' && t.sector !== 'fp' && convert !== null && convert > 0)
        out.push({ path: ['transitions', i, 'convert'], message: `only for-profit places convert, but this transition is for sector ${t.sector}` });
    });
  }
}

/** Rules between keys and the data: the horizon's first year, providers, a home's region against its host's. */
export function dataChecks(m: Record<string, unknown>, dataset: Dataset, places: ScenarioPlaces, out: Issue[]): void {
  const B = dataset.baseYear;
  const horizon = isPlainObject(m.horizon) ? m.horizon : {};
  if (isYear(horizon.from)) {
    const to = isYear(horizon.to) ? horizon.to : B + 10;
    if (horizon.from < B - 1 || horizon.from > to)
      out.push({ path: ['horizon', 'from'], message: `expected a year from ${B - 1} (the base row) to ${to} (the horizon's end), found ${horizon.from}` });
  }
  if (Array.isArray(m.transitions)) {
    const providerIds = new Set(dataset.providers.map((p) => p.providerId));
    m.transitions.forEach((t, i) => {
      if (!isPlainObject(t) || typeof t.provider_id !== 'string' || providerIds.has(t.provider_id)) return;
      const hint = suggestAmong(t.provider_id, [...providerIds]);
      out.push({ path: ['transitions', i, 'provider_id'], severity: 'warning', message: `no provider "${t.provider_id}" in the dataset, so this transition changes nothing${hint ? `; ${hint}` : ''}` });
    });
  }
  // docs/model.md §5: a nation's total on a dataset holding part of the nation would all go to the LAs it holds.
  const fw = isPlainObject(m.foster_wales) ? m.foster_wales : {};
  const held = dataset.localAuthorities.length;
  const nation = dataset.nation.name;
  if (isPartOfNation(dataset) && fw.net_new_places !== undefined && !isZeroParam(fw.net_new_places) && (fw.nation_need === undefined || fw.nation_need === null)) {
    out.push({
      path: ['foster_wales', 'net_new_places'],
      severity: 'warning',
      message:
        `a total for all of ${nation}, but this dataset holds ${held} of the ${nationLaCodes(dataset)?.length ?? held} LAs of ${nation}, so they would receive all of it; ` +
        `write foster_wales.net_new_places_by_la (a map by LA), foster_wales.net_growth_rate (a share of LA foster places a year), ` +
        `or give foster_wales.nation_need (${nation}'s children needing foster care) so that the total is shared by the dataset's share of it`,
    });
  }
  if (Array.isArray(m.regional_residential)) {
    m.regional_residential.forEach((r, i) => {
      if (!isPlainObject(r) || typeof r.host !== 'string' || typeof r.region !== 'string') return;
      const la = places.la(r.host);
      const region = places.region(r.region);
      if (la && la.inDataset && region && region.inDataset && la.region !== region.slug)
        out.push({ path: ['regional_residential', i, 'region'], severity: 'warning', message: `host ${la.nameEn} is in ${la.region}, not ${region.slug}: its places are reserved for ${region.slug}` });
    });
  }
}

/** Whether a parameter as written is 0 in every year (a year map of zeros, `{ value: 0 }`). */
function isZeroParam(v: unknown): boolean {
  if (typeof v === 'number') return v === 0;
  if (isValueWithSource(v)) return isZeroParam(v.value);
  if (isYearMapObject(v)) return Object.values(v).every(isZeroParam);
  return false;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

