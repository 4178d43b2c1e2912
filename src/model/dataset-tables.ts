// What a projection reads of its dataset that no scenario changes: the distances between its LAs,
// where its non-market children live, its base placements and demand history by LA. Made with the
// base state (base-state.ts), which a caller that projects one dataset many times (Monte Carlo)
// prepares once and passes in; they are only read after, and hold nothing a run could change.
import { laDistances, type LaDistances } from './geography.js';
import { needInputs, type NeedInputs } from './need.js';
import { nonMarketAtHome, type ChildrenByType } from './non-market-hosts.js';
import type { Dataset } from './types.js';

export interface DatasetTables {
  readonly distances: LaDistances;
  /** Non-market children at home (non-market-hosts.ts): each count's share is worked out once, for every run. */
  readonly atHome: (la: string, children: ChildrenByType) => number;
  readonly need: NeedInputs;
}

export function datasetTables(dataset: Dataset): DatasetTables {
  return { distances: laDistances(dataset), atHome: nonMarketAtHome(dataset), need: needInputs(dataset) };
}
