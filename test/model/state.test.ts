// The placement state keeps its groups in key order across additions and removals (it caches the
// order rather than sorting on every read), and largestRemainderInOrder, which relies on that order,
// equals largestRemainder with the keys spelt out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, largestRemainderInOrder, tieKey } from '../../src/model/rounding.js';
import { PlacementState, byGroupKey, byProviderKey } from '../../src/model/state.js';
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

describe('PlacementState providers and groups', () => {
  const provider = (id: string, type: (typeof MARKET_TYPES)[number], sector: (typeof SECTORS)[number], host: string) => ({
    providerId: id,
    providerName: id,
    sector,
    host,
    placementType: type,
    reservedForRegion: null,
  });

  it('lists providers in key order (type, sector, host, id) however they were created, read or not in between, and in a copy', () => {
    const ids = fc.tuple(fc.constantFrom(...MARKET_TYPES), fc.constantFrom(...SECTORS), fc.constantFrom('W06000001', 'W06000004'), fc.constantFrom('P1', 'P2', 'P10'));
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, fc.boolean()), { maxLength: 40 }), (made) => {
        const state = new PlacementState();
        for (const [[type, sector, host, id], read] of made) {
          state.ensureProvider(provider(id, type, sector, host));
          if (read) state.providersInOrder();
        }
        const listed = state.providerList();
        expect(listed).toEqual([...state.providers.values()].sort(byProviderKey));
        expect(state.copy().providerList()).toEqual(listed);
      }),
    );
  });

  it('keeps a group emptied and filled again in its place: A 2 then B 1 at P, A emptied, A 3 again -> A 3, B 1', () => {
    const state = new PlacementState();
    const p = state.ensureProvider(provider('P', 'foster', 'la', 'W06000001'));
    state.addTo(p, 'A', 2);
    state.addTo(p, 'B', 1);
    const a = state.groupsInOrder()[0];
    state.remove(a, 2);
    expect(state.groups().map((g) => `${g.laCode}:${g.children}`)).toEqual(['B:1']);
    state.addTo(p, 'A', 3);
    expect(state.groups().map((g) => `${g.laCode}:${g.children}`)).toEqual(['A:3', 'B:1']);
    expect(state.groupsOf(p)).toEqual(state.groups());
    expect(state.childrenOf(p)).toBe(4);
  });

  it('gives out groups and providers whose spreads and JSON hold their own fields only, in the order of a literal', () => {
    const state = new PlacementState();
    const p = state.ensureProvider(provider('P', 'residential', 'fp', 'W06000001'));
    p.places = 2;
    state.addTo(p, 'A', 1);
    const g = state.groupsInOrder()[0];
    expect(Object.keys({ ...g })).toEqual(['laCode', 'placementType', 'sector', 'host', 'providerId', 'children']);
    expect(JSON.stringify(g)).toBe('{"laCode":"A","placementType":"residential","sector":"fp","host":"W06000001","providerId":"P","children":1}');
    expect(Object.keys({ ...p })).toEqual(['providerId', 'providerName', 'sector', 'host', 'placementType', 'reservedForRegion', 'places']);
    expect(JSON.stringify(state.copy().providerList()[0])).toBe(JSON.stringify(p));
    // A copy's groups and providers are its own: removing from the copy leaves the original.
    const copy = state.copy();
    copy.remove(copy.groupsInOrder()[0], 1);
    expect(state.childrenOf(p)).toBe(1);
    expect(copy.childrenOf(copy.providerList()[0])).toBe(0);
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
