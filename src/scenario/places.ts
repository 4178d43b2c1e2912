// The places a scenario names (docs/model.md §5): LAs and regions resolved against the dataset (a
// Welsh LA the dataset leaves out is known, its rows left out with a warning), and the checks every
// row of a kind gets: LAs and regions against the dataset, years from the base year.
import type { Dataset } from '../model/types.js';
import { makeLaResolver, regionSlug, suggestAmong } from '../common/la-names.js';
import { WALES_LAS } from '../common/wales-las.js';
import { isParameterObject, isPlainObject, valueAt } from './params.js';
import { REGISTRY, fieldsOf, isNumericRow, leafName, type FixedRow, type Row } from './registry.js';
import type { Issue } from './schema.js';
import type { PathSeg } from './yaml.js';

/** An LA as a scenario names it: one of the dataset's, or a Welsh LA that the dataset leaves out. */
export interface ScenarioLa {
  code: string;
  nameEn: string;
  region: string;
  inDataset: boolean;
}

export interface ScenarioPlaces {
  la(text: string): ScenarioLa | null;
  /** A "did you mean" among the dataset's LAs, or null. */
  suggestLa(text: string): string | null;
  /** The region's slug, and whether the dataset holds it (else it is the region of a Welsh LA the dataset leaves out); null when unknown. */
  region(text: string): { slug: string; inDataset: boolean } | null;
  /** "did you mean" among the dataset's regions, or the list of them. */
  regionHint(text: string): string;
}

/**
 * A scenario's LA names are resolved against the dataset's LAs first, then (on a dataset of Welsh LAs)
 * against the 22 Welsh LAs (wales-las.ts): a Welsh dataset may hold one LA or one region, and a scenario written for Wales
 * names the rest. Those rows are left out with a warning; a name that is neither is an error, with a
 * suggestion from the dataset's own LAs. Regions likewise: the dataset's own (slug or name), or the
 * region of a Welsh LA the dataset leaves out (a warning).
 */
export function scenarioPlaces(dataset: Dataset): ScenarioPlaces {
  const own = makeLaResolver(dataset.localAuthorities);
  const codes = new Set(dataset.localAuthorities.map((l) => l.code));
  // Only a dataset of Welsh LAs (docs/model.md §3.1) may leave some of the 22 out: on any other, a Welsh name
  // is as unknown as any other name.
  const welsh = new Set(WALES_LAS.map((l) => l.code));
  const welshDataset = dataset.localAuthorities.every((l) => welsh.has(l.code));
  const others = welshDataset ? WALES_LAS.filter((l) => !codes.has(l.code)) : [];
  const wales = makeLaResolver(others);
  const regions = [...new Set(dataset.localAuthorities.map((l) => l.region))];
  const otherRegions = new Set(others.map((l) => l.region).filter((r) => !regions.includes(r)));
  return {
    la(text) {
      const la = own.resolve(text);
      if (la) return { code: la.code, nameEn: la.nameEn, region: la.region, inDataset: true };
      const w = wales.resolve(text);
      return w ? { code: w.code, nameEn: w.nameEn, region: w.region, inDataset: false } : null;
    },
    suggestLa: (text) => own.suggest(text),
    region(text) {
      for (const slug of [text, regionSlug(text)]) {
        if (regions.includes(slug)) return { slug, inDataset: true };
        if (otherRegions.has(slug)) return { slug, inDataset: false };
      }
      return null;
    },
    regionHint(text) {
      return suggestAmong(regionSlug(text), regions) ?? `expected one of ${regions.join(', ')}`;
    },
  };
}

/** The LA `v` names, or null (with an error) when it names none; a Welsh LA outside the dataset warns `so ${leftOut}`. */
function checkLa(places: ScenarioPlaces, v: unknown, at: PathSeg[], out: Issue[], leftOut: string, atKey = false): ScenarioLa | null {
  if (typeof v !== 'string') return null;
  const la = places.la(v);
  if (la) {
    if (!la.inDataset) out.push({ path: at, atKey, severity: 'warning', message: `${la.nameEn} is not in this dataset, so ${leftOut}` });
    return la;
  }
  const hint = places.suggestLa(v);
  out.push({ path: at, atKey, message: `unknown local authority "${v}"${hint ? `; ${hint}` : ''}` });
  return null;
}

function checkRegion(places: ScenarioPlaces, v: unknown, at: PathSeg[], out: Issue[], leftOut: string): void {
  if (typeof v !== 'string') return;
  const r = places.region(v);
  if (r === null) out.push({ path: at, message: `unknown region "${v}"; ${places.regionHint(v)}` });
  else if (!r.inDataset) out.push({ path: at, severity: 'warning', message: `region ${r.slug} is not in this dataset, so ${leftOut}` });
}

/** Checks of an LA-keyed map: every key an LA, no LA twice. */
function checkLaKeys(places: ScenarioPlaces, map: unknown, at: PathSeg[], out: Issue[], leftOut: string, allow: string[] = [], onlyLas = false): void {
  // A key that is only ever a map by LA has LAs for keys even where they look like years; one that
  // may also be a value (distance_km) is a map by LA only when it is no parameter object.
  if (!isPlainObject(map) || (!onlyLas && isParameterObject(map))) return;
  const seen = new Map<string, string>();
  for (const key of Object.keys(map)) {
    if (allow.includes(key)) continue;
    const la = checkLa(places, key, [...at, key], out, leftOut, true);
    if (la === null) continue;
    const before = seen.get(la.code);
    if (before !== undefined) out.push({ path: [...at, key], atKey: true, message: `the same local authority as "${before}" (${la.code})` });
    else seen.set(la.code, key);
  }
}

export const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * The checks every row of a kind gets: LAs and regions against the dataset, years from the base year.
 * What becomes of a row or an LA key that the dataset leaves out is the registry's `leftOut`.
 */
export function checkPlaces(m: Record<string, unknown>, dataset: Dataset, places: ScenarioPlaces, out: Issue[]): void {
  const B = dataset.baseYear;
  const field = (row: Row, v: unknown, at: PathSeg[], leftOut: string, dropped = false) => {
    if (row.kind === 'la') checkLa(places, v, at, out, leftOut);
    else if (row.kind === 'region' && !dropped) checkRegion(places, v, at, out, leftOut);
    else if (row.kind === 'year' && (row as FixedRow).fromBaseYear && isYear(v) && v < B)
      out.push({ path: at, message: `expected a year from ${B} (the data's base year), found ${v}` });
  };
  for (const row of REGISTRY) {
    if (row.kind === 'list') {
      const items = valueAt(m, row.path.split('.'));
      if (!Array.isArray(items)) continue;
      const fields = fieldsOf(row.path);
      items.forEach((item, i) => {
        if (!isPlainObject(item)) return;
        // An item left out for its LA is warned about once, for the LA.
        const dropped =
          Boolean(row.dropOutsideDataset) &&
          fields.some((f) => f.kind === 'la' && typeof item[leafName(f.path)] === 'string' && places.la(item[leafName(f.path)] as string)?.inDataset === false);
        for (const f of fields) field(f, item[leafName(f.path)], [...row.path.split('.'), i, leafName(f.path)], row.leftOut ?? 'it is left out', dropped);
      });
    } else if (!row.path.includes('[]')) {
      const at = row.path.split('.');
      if (isNumericRow(row) && row.byLa)
        checkLaKeys(places, valueAt(m, at), at, out, row.leftOut ?? 'it is ignored', row.byLa === 'default-or-map' ? ['default'] : [], row.byLa === 'map');
      else field(row, valueAt(m, at), at, 'it is ignored');
    }
  }
}
