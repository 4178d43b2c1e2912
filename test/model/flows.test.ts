// Demand from flows into and out of care (docs/model.md §4.4), with numbers worked by hand.
import { describe, expect, it } from 'vitest';
import { changedEntries, flowYear, flowsInYear, shareByLa } from '../../src/model/flows.js';
import { makeNeedModel } from '../../src/model/need.js';
import { runProjection } from '../../src/model/project.js';
import { areaMetrics, areasOf } from '../../src/model/aggregate.js';
import type { FlowRow, FlowsRule } from '../../src/model/types.js';
import { dataset, demand, scenario, tl } from './fixtures.js';

const flowsRule = (over: Partial<FlowsRule> = {}): FlowsRule => ({
  method: 'flows',
  entriesChange: tl(0),
  meanYearsInCare: null,
  meanYearsInCareByLa: {},
  extraEntries: tl(0),
  extraEntriesByLa: {},
  ...over,
});

// A 100, B 60, C 40 looked after at 31 March 2024. Flows of 2023-24 (the year to the base date):
// A has its own row (30 started, 28 ceased); Wales (W92000004) has 50 started and 45 ceased, so B and
// C share 50 − 30 = 20 entries by their children looked after: B 20 × 60/100 = 12, C 8.
const FLOWS: FlowRow[] = [
  { laCode: 'A', year: 2023, started: 30, ceased: 28 },
  { laCode: 'W92000004', year: 2023, started: 50, ceased: 45 },
  { laCode: 'W92000004', year: 2022, started: 99, ceased: 99 },
];
const data = (flows: FlowRow[] = FLOWS) =>
  dataset({ demandHistory: [demand('A', 100), demand('B', 60), demand('C', 40)], flows });

describe('one year of flows', () => {
  it('adds entries and takes exits = start ÷ mean years, rounded half up', () => {
    // 100 + 30 − round(100 / 4 = 25) = 105
    expect(flowYear(100, 30, 4)).toEqual({ entries: 30, exits: 25, end: 105 });
    // 57 / 4 = 14.25 → 14 exits; 10 / 4 = 2.5 → 3 (half up)
    expect(flowYear(57, 11, 4)).toEqual({ entries: 11, exits: 14, end: 54 });
    expect(flowYear(10, 0, 4).exits).toBe(3);
  });
  it('never takes more children out than there were, so the count is never below 0', () => {
    // 10 / 0.5 = 20 exits wanted, but only 10 + 2 children to leave
    expect(flowYear(10, 2, 0.5)).toEqual({ entries: 2, exits: 12, end: 0 });
    // a mean time of 0 (a draw clamped to 0): everyone leaves
    expect(flowYear(7, 0, 0)).toEqual({ entries: 0, exits: 7, end: 0 });
    // an infinite mean time (no base entries to balance): nobody leaves
    expect(flowYear(7, 0, Infinity)).toEqual({ entries: 0, exits: 0, end: 7 });
  });
  it('changes entries by the rate, rounded half up, never below 0', () => {
    expect(changedEntries(30, -0.05)).toBe(29); // 28.5 → 29
    expect(changedEntries(12, -0.1)).toBe(11); // 10.8 → 11
    expect(changedEntries(12, -1)).toBe(0);
  });
});

describe('base entries', () => {
  it("shares a total by children looked after, largest remainder, ties in code order", () => {
    // 5 over 100 : 60 : 40 = 2.5, 1.5, 1 → floors 2, 1, 1 (4); the .5 remainders tie, A first → 3, 1, 1
    expect([...shareByLa(5, new Map([['B', 60], ['A', 100], ['C', 40]]))]).toEqual([['A', 3], ['B', 1], ['C', 1]]);
  });
  it("takes an LA's own row, and shares the nation's rest over the LAs without one", () => {
    const stock = new Map([['A', 100], ['B', 60], ['C', 40]]);
    const f = flowsInYear(FLOWS, 2023, stock, 'W92000004')!;
    expect([...f.entries].sort()).toEqual([['A', 30], ['B', 12], ['C', 8]]);
    // ceased: 45 − 28 = 17 over B and C: 10.2 and 6.8 → 10, 7
    expect([...f.ceased].sort()).toEqual([['A', 28], ['B', 10], ['C', 7]]);
    expect(f.shared).toEqual(['B', 'C']);
  });
  it('finds nothing where an LA has no row and the nation none either', () => {
    expect(flowsInYear([{ laCode: 'A', year: 2023, started: 1, ceased: 1 }], 2023, new Map([['A', 1], ['B', 1]]), 'W92000004')).toBeNull();
  });
});

describe('children looked after from flows', () => {
  it('steps each LA from the base date: C(t) = C(t−1) + entries − exits', () => {
    const need = makeNeedModel(data(), scenario({ horizonTo: 2025, demand: flowsRule({ entriesChange: tl(0, [[2025, -0.1]]), meanYearsInCare: tl(4) }) }));
    // A 2024: 100 + 30 − 25 = 105; 2025: entries round(30 × 0.9 = 27), exits round(105 / 4 = 26.25) = 26 → 106
    expect([need.childrenLookedAfter('A', 2024), need.childrenLookedAfter('A', 2025)]).toEqual([105, 106]);
    expect(need.flows('A', 2025)).toEqual({ started: 27, ceased: 26 });
    // B 2024: 60 + 12 − 15 = 57; 2025: round(10.8) = 11 in, round(14.25) = 14 out → 54
    expect([need.childrenLookedAfter('B', 2024), need.childrenLookedAfter('B', 2025)]).toEqual([57, 54]);
    // C 2024: 40 + 8 − 10 = 38; 2025: round(7.2) = 7 in, round(9.5) = 10 out → 35
    expect([need.childrenLookedAfter('C', 2024), need.childrenLookedAfter('C', 2025)]).toEqual([38, 35]);
  });
  it('by default sets each LA\'s mean time in care so that exits balance entries at the base date', () => {
    const need = makeNeedModel(data(), scenario({ horizonTo: 2030, demand: flowsRule() }));
    // A: 100 / 30 years → exits round(100 × 30 / 100) = 30 = entries: level every year
    for (let t = 2024; t <= 2030; t++) {
      expect([need.childrenLookedAfter('A', t), need.childrenLookedAfter('B', t), need.childrenLookedAfter('C', t)]).toEqual([100, 60, 40]);
      expect(need.flows('B', t)).toEqual({ started: 12, ceased: 12 });
    }
  });
  it("uses an LA's own mean time, and the scenario's or the balance before its first key", () => {
    const rule = flowsRule({ meanYearsInCare: tl(NaN, [[2025, 5]]), meanYearsInCareByLa: { A: tl(NaN, [[2024, 2]]) } });
    const need = makeNeedModel(data(), scenario({ horizonTo: 2025, demand: rule }));
    // A 2024: 100 + 30 − 50 = 80; 2025: 80 + 30 − 40 = 70
    expect([need.childrenLookedAfter('A', 2024), need.childrenLookedAfter('A', 2025)]).toEqual([80, 70]);
    // B 2024 balances (60 + 12 − 12); 2025 at 5 years: 60 + 12 − 12 = 60
    expect([need.childrenLookedAfter('B', 2024), need.childrenLookedAfter('B', 2025)]).toEqual([60, 60]);
    // C 2025: 40 + 8 − 8 = 40
    expect(need.childrenLookedAfter('C', 2025)).toBe(40);
  });
  it('adds extra entries, shared by children looked after at the base date or given by LA', () => {
    const shared = makeNeedModel(data(), scenario({ horizonTo: 2024, demand: flowsRule({ extraEntries: tl(0, [[2024, 5]]) }) }));
    // 5 shared 3, 1, 1 (above); balance exits stay 30, 12, 8
    expect(['A', 'B', 'C'].map((la) => shared.flows(la, 2024)!.started)).toEqual([33, 13, 9]);
    expect(['A', 'B', 'C'].map((la) => shared.childrenLookedAfter(la, 2024))).toEqual([103, 61, 41]);
    const byLa = makeNeedModel(data(), scenario({ horizonTo: 2024, demand: flowsRule({ extraEntriesByLa: { C: tl(2.5) } }) }));
    expect(['A', 'B', 'C'].map((la) => byLa.flows(la, 2024)!.started)).toEqual([30, 12, 11]); // 2.5 → 3
  });
});

describe('flows in the projection and its metrics', () => {
  it('publishes started and ceased per LA, summed for areas, empty in the base row and under other methods', () => {
    const d = data();
    const p = runProjection(d, scenario({ horizonTo: 2024, demand: flowsRule({ meanYearsInCare: tl(4) }) }));
    const [base, y2024] = p.years;
    const wales = areasOf(d, 'wales')[0];
    expect(areaMetrics(base, wales).started_looked_after).toBeNull();
    const m = areaMetrics(y2024, wales);
    // started 30 + 12 + 8; ceased 25 + 15 + 10; looked after 105 + 57 + 38
    expect([m.started_looked_after, m.ceased_looked_after, m.children_looked_after]).toEqual([50, 50, 200]);
    const change = runProjection(d, scenario({ horizonTo: 2024 }));
    expect(areaMetrics(change.years[1], wales).started_looked_after).toBeNull();
  });
});
