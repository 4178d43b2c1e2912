// The base state (docs/model.md §4.2): the dataset's placement groups and providers at 31 March B.
import { datasetTables, type DatasetTables } from './dataset-tables.js';
import { largestRemainderInOrder } from './rounding.js';
import { PlacementState } from './state.js';
import { EXTERNAL, OUTSIDE_WALES, isMarketType, type Dataset, type PlacementRow, type ProviderPlaces } from './types.js';

/**
 * A dataset's base state (docs/model.md §4.2: its placement groups and providers at 31 March B), and
 * what the dataset gives whatever the scenario (dataset-tables.ts), prepared once and held by the
 * caller: a Monte Carlo run or a scenario compared with another projects the same dataset again and
 * again, and building the state is a twentieth of a Wales run. Each projection copies the state and
 * reads the tables. A value, not a cache: prepare it again after changing the dataset's rows.
 */
export interface PreparedBase {
  readonly dataset: Dataset;
  readonly state: PlacementState;
  readonly warnings: readonly string[];
  readonly tables: DatasetTables;
}

export function prepareBase(dataset: Dataset): PreparedBase {
  const warnings: string[] = [];
  const state = baseState(dataset, (m) => warnings.push(m));
  return { dataset, state, warnings, tables: datasetTables(dataset) };
}

/** The base state: placements without a provider id are shared over that host's providers by places. */
function baseState(dataset: Dataset, warn: (m: string) => void): PlacementState {
  const state = new PlacementState();
  for (const p of dataset.providers) {
    const unit = state.ensureProvider({ ...p, reservedForRegion: null });
    unit.places += p.places;
  }
  // The providers of each host, sector and type, in key order, and of each id at a host and type:
  // England-sized data has thousands of each, so a scan per placement row would be quadratic.
  const byCell = new Map<string, ProviderPlaces[]>();
  const byId = new Map<string, ProviderPlaces>();
  for (const p of state.providerList()) {
    const cell = `${p.host}|${p.sector}|${p.placementType}`;
    const list = byCell.get(cell);
    if (list) list.push(p);
    else byCell.set(cell, [p]);
    const id = `${p.host}|${p.placementType}|${p.providerId}`;
    if (!byId.has(id)) byId.set(id, p);
  }
  // Other authorities' children are placed as the dataset's are, under the placing authority EXTERNAL.
  const externals: PlacementRow[] = (dataset.externalPlacements ?? []).map((r) => ({
    laCode: EXTERNAL,
    placementType: r.placementType,
    sector: r.sector,
    host: r.host,
    children: r.children,
    providerId: r.providerId,
  }));
  for (const row of [...dataset.placements, ...externals]) {
    if (!isMarketType(row.placementType) || row.children === 0) continue;
    const type = row.placementType;
    const sector = row.sector ?? 'fp';
    const host = row.host ?? OUTSIDE_WALES;
    if (host === OUTSIDE_WALES) {
      state.add(row.laCode, type, sector, OUTSIDE_WALES, OUTSIDE_WALES, row.children);
      continue;
    }
    if (row.providerId !== null) {
      const named = byId.get(`${host}|${type}|${row.providerId}`);
      const s = named?.sector ?? sector;
      if (!named) state.ensureProvider({ providerId: row.providerId, providerName: row.providerId, sector: s, host, placementType: type, reservedForRegion: null });
      state.add(row.laCode, type, s, host, row.providerId, row.children);
      continue;
    }
    const here = (byCell.get(`${host}|${sector}|${type}`) ?? []).filter((p) => p.places > 0);
    if (here.length === 0) {
      warn(`${row.laCode}: ${row.children} ${sector} ${type} placements at ${host} have no provider there; they sit with UNLISTED (0 places)`);
      state.ensureProvider({ providerId: 'UNLISTED', providerName: 'Unlisted provider', sector, host, placementType: type, reservedForRegion: null });
      state.add(row.laCode, type, sector, host, 'UNLISTED', row.children);
      continue;
    }
    const total = here.reduce((s, p) => s + p.places, 0);
    // The cell's providers are in key order (by id), so the shares' cells are in tie-key order.
    const shares = largestRemainderInOrder(here.map((p) => (row.children * p.places) / total));
    here.forEach((p, i) => state.addTo(p, row.laCode, shares[i]));
  }
  return state;
}
