// docs/model.md §4.3, whole services leave: the properties it lists. (Row-order independence with
// services is in model.properties.test.ts, whose scenarios switch `transition_unit: services` on at
// random.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProjection } from '../../src/model/project.js';
import { roundHalfUp } from '../../src/model/rounding.js';
import { MARKET_TYPES, type Dataset, type MarketType, type ModelScenario, type Sector } from '../../src/model/types.js';
import { scenario as quietScenario } from '../model/fixtures.js';
import { B, datasetArb } from './arbitraries.js';

const params = (numRuns = 150) => ({ numRuns, endOnFailure: true });

/** One transition in year B on an otherwise quiet market, under `services`. */
function exitScenario(type: MarketType, sector: Sector | null, exit: number, seed: number): ModelScenario {
  return quietScenario({
    horizonTo: B,
    transitionUnit: 'services',
    orderStreams: { seed, run: 0 },
    transitions: [{ year: B, sector, placementType: type, region: null, host: null, providerId: null, exit, convert: 0 }],
  });
}

const input = fc.record({
  dataset: datasetArb.map((d): Dataset => ({ ...d, strategies: [] })),
  type: fc.constantFrom<MarketType>(...MARKET_TYPES),
  sector: fc.constantFrom<Sector | null>(null, 'la', 'nfp', 'fp'),
  exit: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
  seed: fc.integer({ min: 1, max: 10_000 }),
});

describe('whole services leave', () => {
  it('an exit of a share s removes between s × places − the largest service and s × places + the largest service', () => {
    fc.assert(
      fc.property(input, ({ dataset, type, sector, exit, seed }) => {
        const matching = dataset.providers.filter((p) => p.placementType === type && (sector === null || p.sector === sector));
        const before = matching.reduce((s, p) => s + p.places, 0);
        const largest = matching.reduce((m, p) => Math.max(m, p.places), 0);
        const y = runProjection(dataset, exitScenario(type, sector, exit, seed)).years.find((r) => r.year === B)!;
        const after = y.providers.filter((p) => p.placementType === type && (sector === null || p.sector === sector)).reduce((s, p) => s + p.places, 0);
        const removed = before - after;
        expect(removed).toBeGreaterThanOrEqual(exit * before - largest - 1e-9);
        expect(removed).toBeLessThanOrEqual(exit * before + largest + 1e-9);
        // and, as the rule is built, within half the largest service of the rounded target
        expect(Math.abs(removed - roundHalfUp(exit * before))).toBeLessThanOrEqual(largest / 2 + 1e-9);
      }),
      params(),
    );
  });

  it('children of a service that exits are all displaced: none stays', () => {
    fc.assert(
      fc.property(input, ({ dataset, type, sector, exit, seed }) => {
        const y = runProjection(dataset, exitScenario(type, sector, exit, seed)).years.find((r) => r.year === B)!;
        const closed = new Set(
          y.providers
            .filter((p) => p.places === 0 && dataset.providers.some((q) => q.providerId === p.providerId && q.host === p.host && q.placementType === p.placementType && q.places > 0))
            .map((p) => `${p.providerId}|${p.host}|${p.placementType}|${p.sector}`),
        );
        const staying = y.groups.filter((g) => closed.has(`${g.providerId}|${g.host}|${g.placementType}|${g.sector}`));
        expect(staying).toEqual([]);
      }),
      params(),
    );
  });

  it('the services chosen depend on the seed alone: the same seed gives the same state', () => {
    fc.assert(
      fc.property(input, ({ dataset, type, sector, exit, seed }) => {
        const a = runProjection(dataset, exitScenario(type, sector, exit, seed));
        const b = runProjection(structuredClone(dataset), exitScenario(type, sector, exit, seed));
        expect(b.years.map((y) => y.providers)).toEqual(a.years.map((y) => y.providers));
      }),
      params(60),
    );
  });
});
