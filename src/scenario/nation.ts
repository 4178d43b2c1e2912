// Whether a dataset holds only part of its nation (SPEC 5): a total the scenario gives for the nation
// (`foster_wales.net_new_places`) then needs sharing. Kept apart so that resolving a scenario in a
// worker thread does not load the schema.
import { WALES_LAS } from '../io/wales-las.js';
import type { Dataset } from '../model/types.js';

/** A Welsh dataset of fewer than the 22 LAs. */
export function isPartOfNation(dataset: Dataset): boolean {
  const welsh = new Set(WALES_LAS.map((l) => l.code));
  return dataset.localAuthorities.length < WALES_LAS.length && dataset.localAuthorities.every((l) => welsh.has(l.code));
}
