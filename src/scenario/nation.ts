// Whether a dataset holds only part of its nation (docs/model.md §5): a total the scenario gives for the nation
// (`foster_wales.net_new_places`) then needs sharing. Kept apart so that resolving a scenario in a
// worker thread does not load the schema.
import { WALES_LAS } from '../common/wales-las.js';
import type { Dataset } from '../model/types.js';

/** The nation's LA codes: those `datapackage.json` lists (docs/model.md §3.1), else, for a dataset of Welsh LAs, the 22. */
export function nationLaCodes(dataset: Pick<Dataset, 'nation' | 'localAuthorities'>): string[] | null {
  if (dataset.nation.laCodes !== undefined) return dataset.nation.laCodes;
  const welsh = WALES_LAS.map((l) => l.code);
  return dataset.localAuthorities.every((l) => welsh.includes(l.code)) ? welsh : null;
}

/** A dataset of fewer LAs than its nation holds (all of them the nation's). */
export function isPartOfNation(dataset: Pick<Dataset, 'nation' | 'localAuthorities'>): boolean {
  const all = nationLaCodes(dataset);
  if (all === null) return false;
  const codes = new Set(all);
  return dataset.localAuthorities.length < codes.size && dataset.localAuthorities.every((l) => codes.has(l.code));
}
