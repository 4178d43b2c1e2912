// The plan over runs and beside its previous year (src/cli/plan-runs.ts), and the hanging wrap its
// notes use: figures worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halfUp, planOverRuns, summarise, withPrevious } from '../../src/cli/plan-runs.js';
import { namedRows, planText, type NamedProvider, type PlanFigures, type PlanRow, type PlanText } from '../../src/cli/plan-figures.js';
import { hangingWrap } from '../../src/cli/render/wrap.js';
import { planTable } from '../../src/cli/render/plan.js';
import { Chalk } from 'chalk';
import type { LocalAuthority } from '../../src/model/types.js';

const la = { code: 'W06000023', nameEn: 'Powys', nameCy: 'Powys', region: 'powys' } as unknown as LocalAuthority;
const row = (section: PlanRow['section'], item: PlanText | string, placementType: PlanRow['placementType'], value: number | null): PlanRow =>
  typeof item === 'string' ? { section, item, placementType, value } : { section, item: item.en, text: item, placementType, value };
const provider = (id: string, children: number): NamedProvider => ({ id, item: `Synthetic home ${id} (${id}, synthetic)`, type: 'residential', children });

/** A plan of one run: children looked after, a ratio, and (d)(iii) from its two lists. */
function plan(children: number, ratio: number | null, applications: NamedProvider[], holding: NamedProvider[]): PlanFigures {
  const named = { applications, holding };
  return {
    la,
    year: 2027,
    asAt: '2028-03-31',
    rows: [row('a(i)', planText('a(i).children'), '', children), row('c', planText('c.ratio'), 'residential', ratio), ...namedRows(named), row('d(iv)', 'x', '', 0)],
    notes: { definitions: [], assumptions: [], estimated: [] },
    named,
  };
}

describe('summarise: a figure over the runs', () => {
  it('counts: the mean half up, p10 and p90 by nearest rank', () => {
    // 10 runs 1..10: mean 5.5 → 6 (half up); p10 = the 1st of 10 (ceil(1) = 1) = 1; p90 = the 9th = 9.
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'count')).toEqual({ value: 6, lo: 1, hi: 9 });
    // 4 runs 2, 2, 3, 3: mean 2.5 → 3; p10 = 1st (ceil(0.4) = 1) = 2; p90 = 4th (ceil(3.6) = 4) = 3.
    expect(summarise([3, 2, 3, 2], 'count')).toEqual({ value: 3, lo: 2, hi: 3 });
  });

  it('measures: the mean unrounded, percentiles interpolated (type 7); an empty run left out', () => {
    // 0.2, 0.4 (null left out): mean 0.3; p10 = 0.2 + 0.1 × 0.2 = 0.22; p90 = 0.2 + 0.9 × 0.2 = 0.38.
    const s = summarise([0.2, null, 0.4], 'measure');
    expect(s.value).toBeCloseTo(0.3, 12);
    expect(s.lo).toBeCloseTo(0.22, 12);
    expect(s.hi).toBeCloseTo(0.38, 12);
    expect(summarise([null, null], 'measure')).toEqual({ value: null, lo: null, hi: null });
  });

  it('half up: exact halves go up, allowing for floating-point error', () => {
    expect(halfUp(2.5)).toBe(3);
    expect(halfUp(2.4999999)).toBe(2);
    expect(halfUp(0.1 + 0.2 + 2.2)).toBe(3); // 2.5000000000000004 or 2.4999999999999996: either way 3
    expect(halfUp(-2.5)).toBe(-2);
  });

  it('the mean of counts lies within its p10–p90 rounded outward, for any runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const s = summarise(xs, 'count');
        const sorted = [...xs].sort((a, b) => a - b);
        return s.value! >= sorted[0] && s.value! <= sorted[sorted.length - 1] && s.lo! <= s.hi! && Number.isInteger(s.value);
      }),
    );
  });
});

describe('planOverRuns', () => {
  it('one run is the plan itself', () => {
    const p = plan(240, 0.24, [provider('A', 3)], []);
    expect(planOverRuns([p])).toBe(p);
  });

  it('means with their ranges; every provider any run names, with its mean over all the runs', () => {
    // Children 240, 241, 243, 242: mean 241.5 → 242. Ratio 0.2, 0.3, 0.2, 0.3: mean 0.25.
    // Applications: A in every run (4, 2, 3, 3: mean 3); B in one run only (1: mean 0.25 → 0, still named).
    const runs = [
      plan(240, 0.2, [provider('A', 4), provider('B', 1)], [provider('A', 8)]),
      plan(241, 0.3, [provider('A', 2)], [provider('A', 9)]),
      plan(243, 0.2, [provider('A', 3)], [provider('A', 8)]),
      plan(242, 0.3, [provider('A', 3)], [provider('A', 9)]),
    ];
    const p = planOverRuns(runs);
    const children = p.rows.find((r) => r.section === 'a(i)')!;
    expect(children.value).toBe(242);
    expect([children.lo, children.hi]).toEqual([240, 243]);
    expect(p.rows.find((r) => r.section === 'c')!.value).toBeCloseTo(0.25, 12);
    expect(p.named.applications.map((x) => [x.id, x.children])).toEqual([
      ['A', 3],
      ['B', 0],
    ]);
    // Holding A: 8, 9, 8, 9: mean 8.5 → 9.
    expect(p.named.holding.map((x) => [x.id, x.children])).toEqual([['A', 9]]);
    const d3 = p.rows.filter((r) => r.section === 'd(iii)');
    expect(d3[0].item).toBe(planText('d(iii).applications', { providers: '2 providers' }).en);
    expect(d3.map((r) => r.value)).toEqual([null, 3, 0, null, 9]);
    // The sections keep their order: (d)(iii) between (c) and (d)(iv).
    expect(p.rows.map((r) => r.section)).toEqual(['a(i)', 'c', 'd(iii)', 'd(iii)', 'd(iii)', 'd(iii)', 'd(iii)', 'd(iv)']);
  });
});

describe('withPrevious', () => {
  it('puts each item’s previous-year figure beside it; a provider in both lists keeps each list’s own', () => {
    const now = plan(240, 0.24, [provider('A', 3)], [provider('A', 8)]);
    const before = plan(243, 0.15, [], [provider('A', 9)]);
    const p = withPrevious(now, before);
    expect(p.rows.find((r) => r.section === 'a(i)')!.previous).toBe(243);
    expect(p.rows.find((r) => r.section === 'c')!.previous).toBe(0.15);
    const d3 = p.rows.filter((r) => r.section === 'd(iii)');
    // Applications: A had none the year before (no row: –); holding: A held 9.
    expect(d3.map((r) => [r.value, r.previous])).toEqual([
      [null, null],
      [3, null],
      [null, null],
      [8, 9],
    ]);
    expect(withPrevious(now, null)).toBe(now);
  });
});

describe('hangingWrap', () => {
  it('keeps every line, indent included, within the width and breaks only at spaces', () => {
    const text = 'B7: Each provider keeps using the places it held at 31 March 2024 (usable_places: held); new places are usable at the base date’s occupancy by sector.';
    const lines = hangingWrap(text, 40, '- ');
    expect(lines[0].startsWith('- B7:')).toBe(true);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    for (const l of lines.slice(1)) expect(l.startsWith('  ') && !l.startsWith('   ')).toBe(true);
    expect(lines.map((l) => l.slice(2)).join(' ')).toBe(text);
  });

  it('for any words and width, no line is longer than the width unless one word is', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z’()]{1,12}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 16, max: 100 }), (words, width) => {
        const lines = hangingWrap(words.join(' '), width, '- ');
        return lines.every((l) => [...l].length <= width) && lines.map((l) => l.slice(2)).join(' ') === words.join(' ');
      }),
    );
  });
});

describe('planTable with runs', () => {
  it('keeps 80 columns: a range too wide to stand beside its mean goes on the line below it', () => {
    const runs = [plan(240, 0.2, [], []), plan(260, 0.3, [], [])];
    const p = planOverRuns(runs);
    // A cost row with a long range: £16,009,543 (£15,876,012–£16,141,370) is 35 characters.
    p.rows.splice(1, 0, { ...row('a(i)', planText('a(i).cost'), '', 16009543), lo: 15876012, hi: 16141370, previous: 16470048 });
    const ctx = { scenario: 'central', title: '', version: 'test', runs: 2, seed: 1, random: ['services', 'choice'] as const };
    const narrow = planTable(p, ctx, new Chalk({ level: 0 }), 80).split('\n');
    for (const l of narrow) expect([...l].length).toBeLessThanOrEqual(80);
    expect(narrow.some((l) => /^ +\(15,876,012–16,141,370\)$/.test(l))).toBe(true);
    // Children 240 and 260: mean 250, p10 = 240, p90 = 260, beside the mean when there is room.
    const wide = planTable(p, ctx, new Chalk({ level: 0 }), 140).split('\n');
    expect(wide.some((l) => / 250 \(240–260\)$/.test(l))).toBe(true);
  });
});
