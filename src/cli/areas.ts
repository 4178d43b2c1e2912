// `--area A,B` (docs/model.md §2): keep only some areas, named as an analyst would name them: an LA by code,
// English or Welsh name; a region by slug or name. The filter applies at every level `--by` asks for:
// at the LA level an LA is kept when it is named or lies in a named region; at the region level a
// region is kept when it is named or holds a named LA (so `--by region,la --area Cardiff` gives
// Cardiff and Vale and Cardiff); Wales, the whole, is always kept when asked for. Naming the nation
// (`--area wales`, its code or its name) keeps every area, since every area lies in it.
import { UsageError } from '../errors.js';
import { editDistance, foldName, makeLaResolver, regionSlug } from '../common/la-names.js';
import type { Area } from '../model/aggregate.js';
import type { AreaLevel, Dataset } from '../model/types.js';
import { nationNameIn } from '../i18n/labels.js';

export interface AreaFilter {
  /** LA codes named. */
  las: ReadonlySet<string>;
  /** Region slugs named. */
  regions: ReadonlySet<string>;
  /** The nation named (its code, its name, or `wales`, the level's name): every area is in it, so every area is kept. */
  nation?: boolean;
}

/** Region names in Welsh (the regional partnership boards' own), so `--area "Gogledd Cymru"` works. */
const REGION_NAMES_CY: Record<string, string> = {
  'north-wales': 'Gogledd Cymru',
  'west-wales': 'Gorllewin Cymru',
  'west-glamorgan': 'Gorllewin Morgannwg',
  'cwm-taf-morgannwg': 'Cwm Taf Morgannwg',
  'cardiff-and-vale': 'Caerdydd a’r Fro',
  gwent: 'Gwent',
  powys: 'Powys',
};

/**
 * Reads `--area`: each name an LA of the dataset or a region of it. An unknown name is a usage error
 * with the nearest LA or region as a suggestion. Powys is both an LA and a region: naming it keeps both.
 */
export function parseAreas(text: string, dataset: Dataset, regions: readonly Area[]): AreaFilter {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--area: expected one or more LAs or regions, comma separated');
  const resolver = makeLaResolver(dataset.localAuthorities);
  const regionKeys = new Map<string, string>();
  for (const r of regions) {
    for (const k of [r.code, r.name, REGION_NAMES_CY[r.code] ?? r.code]) regionKeys.set(foldName(k), r.code);
  }
  const nationKeys = new Set([dataset.nation.code, dataset.nation.name, nationNameIn('cy', dataset.nation), 'wales'].map(foldName));
  const las = new Set<string>();
  const slugs = new Set<string>();
  let nation = false;
  for (const name of names) {
    if (nationKeys.has(foldName(name))) {
      nation = true;
      continue;
    }
    const la = resolver.resolve(name);
    const region = regionKeys.get(foldName(name)) ?? regionKeys.get(foldName(regionSlug(name)));
    if (la !== null) las.add(la.code);
    if (region !== undefined) slugs.add(region);
    if (la === null && region === undefined) {
      throw new UsageError(`--area: unknown area "${name}": expected an LA (ONS code, English or Welsh name), a region (slug or name) or the nation (${dataset.nation.name}, ${dataset.nation.code})${suggestion(name, resolver.suggest(name), regionKeys, regions)}`);
    }
  }
  return { las, regions: slugs, nation };
}

/** The nearer of the LA and the region suggestions (an LA when they tie). */
function suggestion(name: string, laHint: string | null, regionKeys: ReadonlyMap<string, string>, regions: readonly Area[]): string {
  const folded = foldName(name);
  let best: { slug: string; d: number } | null = null;
  for (const [key, slug] of regionKeys) {
    const d = editDistance(folded, key);
    if (best === null || d < best.d) best = { slug, d };
  }
  const regionOk = best !== null && best.d <= Math.max(2, Math.floor(folded.length / 3));
  if (laHint !== null) return `; ${laHint}`;
  if (regionOk) {
    const r = regions.find((x) => x.code === best!.slug)!;
    return `; did you mean "${r.name}" (${r.code})?`;
  }
  return '';
}

/** Whether an area of a level passes the filter (see the head of this file). */
export function keepArea(filter: AreaFilter | null, level: AreaLevel, areaCode: string, laCodesOfArea: readonly string[], regionOfLa: (la: string) => string): boolean {
  if (filter === null || filter.nation === true || level === 'wales') return true;
  if (level === 'la') return filter.las.has(areaCode) || filter.regions.has(regionOfLa(areaCode));
  return filter.regions.has(areaCode) || laCodesOfArea.some((la) => filter.las.has(la));
}
