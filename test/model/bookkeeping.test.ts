// The year's bookkeeping (src/model/state.ts, placement-counts.ts, aggregate.ts): integer keys for
// the state's units, the counts a tally and an area add up the same way, and an area's metrics
// with their keys in the columns' order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaRows } from '../../src/model/aggregate.js';
import { addPlacements, noPlacements } from '../../src/model/placement-counts.js';
import { runProjection } from '../../src/model/project.js';
import { PlacementState, unitKey } from '../../src/model/state.js';
import { MARKET_TYPES, METRICS, SECTORS } from '../../src/model/types.js';
import { dataset, demand, placed, provider, scenario } from './fixtures.js';

const unit = fc.record({
  la: fc.constantFrom('W06000001', 'W06000002', 'EXTERNAL'),
  type: fc.constantFrom(...MARKET_TYPES),
  sector: fc.constantFrom(...SECTORS),
  host: fc.constantFrom('W06000001', 'W06000004'),
  provider: fc.constantFrom('P1', 'P2'),
  n: fc.integer({ min: 1, max: 3 }),
});

describe('the state\'s unit ids', () => {
  it('are one integer per unitKey, the same for its provider, its groups and in a copy', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), (adds) => {
        const state = new PlacementState();
        for (const a of adds) {
          state.ensureProvider({ providerId: a.provider, providerName: a.provider, sector: a.sector, host: a.host, placementType: a.type, reservedForRegion: null });
          state.add(a.la, a.type, a.sector, a.host, a.provider, a.n);
        }
        const copy = state.copy();
        const idOfKey = new Map<string, number>();
        for (const g of state.groupsInOrder()) {
          const key = unitKey(g.host, g.placementType, g.sector, g.providerId);
          const id = state.unitIdOfGroup(g);
          // One id per key, whichever LA's group asks.
          if (idOfKey.has(key)) expect(id).toBe(idOfKey.get(key));
          idOfKey.set(key, id);
          expect(state.unitIdOf(state.provider(key)!)).toBe(id);
          expect(copy.unitIdOf(copy.provider(key)!)).toBe(id);
        }
        // Distinct keys, distinct ids.
        expect(new Set(idOfKey.values()).size).toBe(idOfKey.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('placement counts', () => {
  it('add up field by field: 2 + 1 placed, 1 + 0 in their own LA, 1 + 1 foster, 0 + 1 for-profit residential', () => {
    const a = noPlacements();
    a.marketPlaced = 2;
    a.placedInOwnLa = 1;
    a.placedByType.foster = 1;
    a.placedByType.residential = 1;
    const b = noPlacements();
    b.marketPlaced = 1;
    b.placedByType.foster = 1;
    b.forProfitByType.residential = 1;
    b.forProfitPlacements = 1;
    const sum = noPlacements();
    addPlacements(sum, a);
    addPlacements(sum, b);
    expect(sum).toEqual({
      marketPlaced: 3,
      placedInOwnLa: 1,
      placedInRegion: 0,
      placedOutsideWales: 0,
      forProfitPlacements: 1,
      placedByType: { foster: 2, residential: 1, secure: 0 },
      forProfitByType: { foster: 0, residential: 1, secure: 0 },
      nonprofitOutsideRegion: 0,
    });
  });
});

describe('an area\'s metrics', () => {
  it('have every metric, keys in the columns\' order (METRICS), at every level', () => {
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'A', 2, 'LA1'), placed('B', 'residential', 'fp', 'A', 1, 'H1')],
      providers: [provider('LA1', 'la', 'A', 'foster', 4), provider('H1', 'fp', 'A', 'residential', 2)],
      demandHistory: [demand('A', 2), demand('B', 1)],
    });
    const p = runProjection(ds, scenario({ horizonTo: 2025 }));
    for (const level of ['la', 'region', 'wales'] as const) {
      for (const row of areaRows(p, ds, level)) expect(Object.keys(row.metrics)).toEqual([...METRICS]);
    }
  });
});
