// The placement state keeps its groups in key order across additions and removals (it caches the
// order rather than sorting on every read), and largestRemainderInOrder, which relies on that order,
// equals largestRemainder with the keys spelt out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, largestRemainderInOrder, tieKey } from '../../src/model/rounding.js';
import { PlacementState, byGroupKey } from '../../src/model/state.js';
import { MARKET_TYPES, SECTORS } from '../../src/model/types.js';

const op = fc.record({
  la: fc.constantFrom('W06000001', 'W06000002', 'W06000003'),
  type: fc.constantFrom(...MARKET_TYPES),
  sector: fc.constantFrom(...SECTORS),
  host: fc.constantFrom('W06000001', 'W06000004'),
  provider: fc.constantFrom('P1', 'P2', 'P10'),
  n: fc.integer({ min: -3, max: 3 }),
});

describe('PlacementState', () => {
  it('lists live groups in key order, once each, after any additions and removals, read or not in between', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.boolean()), { maxLength: 60 }), (ops) => {
        const state = new PlacementState();
        const expected = new Map<string, number>();
        for (const [o, read] of ops) {
          const key = `${o.la}|${o.type}|${o.sector}|${o.host}|${o.provider}`;
          if (o.n > 0) {
            state.add(o.la, o.type, o.sector, o.host, o.provider, o.n);
            expected.set(key, (expected.get(key) ?? 0) + o.n);
          } else if (o.n < 0 && (expected.get(key) ?? 0) > 0) {
            const take = Math.min(-o.n, expected.get(key)!);
            state.remove({ laCode: o.la, placementType: o.type, sector: o.sector, host: o.host, providerId: o.provider, children: 0 }, take);
            expected.set(key, expected.get(key)! - take);
          }
          if (read) state.groupsInOrder();
        }
        const groups = state.groups();
        const sorted = [...groups].sort(byGroupKey);
        expect(groups).toEqual(sorted);
        const got = new Map(groups.map((g) => [`${g.laCode}|${g.placementType}|${g.sector}|${g.host}|${g.providerId}`, g.children]));
        expect(got).toEqual(new Map([...expected].filter(([, n]) => n > 0)));
      }),
    );
  });
});

describe('largestRemainderInOrder', () => {
  it('equals largestRemainder when the cells are listed in key order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), (counts, tenths) => {
        const exact = counts.map((c) => (c * tenths) / 10);
        const keys = counts.map((_, i) => tieKey(`W0600000${i}`, 'foster', 'la', '', ''));
        expect(largestRemainderInOrder(exact)).toEqual(largestRemainder(exact, keys));
      }),
    );
  });

  it('gives a tie to the earlier cell: 3 × 0.5 of 1 child each rounds to 1, 1, 0 (total 1.5 → 2)', () => {
    expect(largestRemainderInOrder([0.5, 0.5, 0.5])).toEqual([1, 1, 0]);
  });
});
