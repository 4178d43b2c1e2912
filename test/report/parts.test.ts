// The report's parts that are pure: the method page written from the scenario's rules, parameters
// as text, the Act's dates on a chart, and the chart library's English ARIA taken out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parameterText, ownerIn } from '../../src/io/report/assumptions.js';
import { ACT_DATES, actDatesNote } from '../../src/io/report/act-dates.js';
import { lineChartSvg, withoutInnerAria } from '../../src/io/report/charts.js';
import { ruleSentences, rulesOf } from '../../src/io/report/method.js';
import { unitInName } from '../../src/io/report/metric-block.js';
import { label, metricLabel } from '../../src/i18n/labels.js';
import type { ModelScenario, Transition } from '../../src/model/types.js';

const tl = (initial: number, steps: Array<[number, number]> = []) => ({ initial, steps });
const transition = (unit: Transition['unit']): Transition => ({ year: 2027, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0.1, convert: 0.2, unit });

/** Only the fields rulesOf reads: the rest of a scenario does not change the method page. */
function scenario(p: Partial<ModelScenario>): ModelScenario {
  return { transitions: [], outsideWales: { allowed: true, places: null, distanceKm: tl(150), distanceKmByLa: {}, sector: 'fp' }, ...p } as unknown as ModelScenario;
}

describe('the method page follows the resolved scenario', () => {
  it('least distance, occupancy places, shares of places, no cap: the defaults', () => {
    const rules = rulesOf(scenario({}));
    expect(rules).toEqual({ matching: 'least_distance', calibrated: false, usablePlaces: 'occupancy', transitionUnit: 'places', outsideWales: 'open', rounding: 'largest_remainder' });
    const { sentences } = ruleSentences(rules, 'en');
    expect(sentences[0]).toMatch(/^Least distance: .*nearest place allowed/);
    expect(sentences.join(' ')).not.toMatch(/Placement choice/);
  });

  it('placement choice, calibrated, held places, whole services, a cap on England: every sentence changes', () => {
    const s = scenario({
      matching: { method: 'choice', calibrate: true, ownLaFirst: true, sectorPreference: 1, distanceDecay: { foster: 0.02, residential: 0.02, secure: 0.02 }, outsidePull: { foster: 0, residential: 0, secure: 0 }, ownLaPull: { foster: 0, residential: 0, secure: 0 } },
      usablePlaces: 'held',
      transitionUnit: 'services',
      transitions: [transition(null), transition('services')],
      // A cap of 40 from 2027: finite in one year is a cap.
      outsideWales: { allowed: true, places: tl(Number.POSITIVE_INFINITY, [[2027, 40]]), distanceKm: tl(150), distanceKmByLa: {}, sector: 'fp' },
    });
    const rules = rulesOf(s);
    expect(rules).toEqual({ matching: 'choice', calibrated: true, usablePlaces: 'held', transitionUnit: 'services', outsideWales: 'capped', rounding: 'largest_remainder' });
    const en = ruleSentences(rules, 'en').sentences;
    expect(en[0]).toMatch(/^Placement choice: .*fitted/);
    expect(en[0]).not.toMatch(/nearest place allowed/);
    expect(en[1]).toMatch(/places it then held/);
    expect(en[2]).toMatch(/whole services/);
    expect(en[3]).toMatch(/England’s cap/);
    const cy = ruleSentences(rules, 'cy');
    expect(cy.heading).toBe('Y rheolau y mae’r model yn eu defnyddio');
    expect(cy.sentences[0]).toMatch(/^Dewis lleoliad/);
    expect(cy.sentences[3]).toMatch(/cap Lloegr/);
  });

  it('a transition with its own unit makes the units mixed; outside Wales closed says so', () => {
    const rules = rulesOf(scenario({ transitions: [transition(null), transition('services')], outsideWales: { allowed: false, places: null, distanceKm: tl(150), distanceKmByLa: {}, sector: 'fp' } }));
    expect(rules.transitionUnit).toBe('mixed');
    expect(rules.outsideWales).toBe('closed');
    expect(ruleSentences(rules, 'en').sentences[3]).toMatch(/no child is newly placed outside Wales/);
  });

  it('every combination of rules gives five distinct, non-empty sentences in each language (six under placement choice, which names its rounding)', () => {
    const arb = fc.record({
      matching: fc.constantFrom('choice' as const, 'least_distance' as const),
      calibrated: fc.boolean(),
      usablePlaces: fc.constantFrom('occupancy' as const, 'held' as const),
      transitionUnit: fc.constantFrom('places' as const, 'services' as const, 'mixed' as const),
      outsideWales: fc.constantFrom('closed' as const, 'open' as const, 'capped' as const, 'held' as const),
      rounding: fc.constantFrom('largest_remainder' as const, 'unbiased' as const),
    });
    fc.assert(
      fc.property(arb, fc.constantFrom('en' as const, 'cy' as const), (rules, lang) => {
        const { sentences } = ruleSentences(rules, lang);
        const n = rules.matching === 'choice' ? 6 : 5;
        return sentences.length === n && new Set(sentences).size === n && sentences.every((x) => x.length > 40);
      }),
    );
  });
});

describe('parameters as text, not JSON', () => {
  it('numbers and words as they are; a distribution as a call; a map as key: value pairs', () => {
    expect(parameterText(0.25)).toBe('0.25');
    expect(parameterText('held')).toBe('held');
    expect(parameterText({ normal: [0.1, 0.02] })).toBe('normal(0.1, 0.02)');
    expect(parameterText({ triangular: [0, 0.1, 0.3] })).toBe('triangular(0, 0.1, 0.3)');
    expect(parameterText({ year: 2027, sector: 'fp', placement_type: 'residential' })).toBe('year: 2027; sector: fp; placement_type: residential');
    expect(parameterText({ a: { b: 1, c: [1, 2] } })).toBe('a: (b: 1; c: 1, 2)');
    expect(parameterText(null)).toBe('');
  });

  it('never JSON: no braces or quotes from any nesting of maps, lists and numbers', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.integer(), fc.constantFrom('fp', 'nfp', 'held')),
      node: fc.oneof({ maxDepth: 3 }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('year', 'sector', 'exit'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(value, (v) => !/[{}"]/.test(parameterText(v))));
  });

  it('owners in Welsh under --lang cy; other owners as written', () => {
    expect(ownerIn('cy', 'data owner')).toBe('perchennog y data');
    expect(ownerIn('cy', 'scenario owner')).toBe('perchennog y senario');
    expect(ownerIn('en', 'scenario owner')).toBe('scenario owner');
    expect(ownerIn('cy', 'Cardiff commissioning')).toBe('Cardiff commissioning');
  });
});

describe('charts', () => {
  const input = (years: { from: number; to: number }, marks: readonly number[]) => ({
    id: 't',
    title: 'Teitl',
    desc: 'Disgrifiad',
    panels: ['Cymru'],
    series: ['central'],
    points: [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031].map((year) => ({ panel: 'Cymru', year, series: 'central', v: year - 2000, lo: null, hi: null })),
    xTitle: 'Blwyddyn',
    yTitle: 'plant',
    yFormat: ',.0f',
    band: false,
    years,
    marks,
  });

  // The dashed mark lines are the only elements with the purple stroke: one per date inside the years shown.
  const markLines = (svg: string): number => (svg.match(/stroke="#7b3294"/g) ?? []).length;

  it('marks the Act’s dates inside the years shown, and only those', async () => {
    expect(ACT_DATES.map((d) => d.year)).toEqual([2026, 2027, 2030]);
    // 2023..2031 holds all three dates; 2023..2026 only the first; 2031..2035 none.
    expect(markLines(await lineChartSvg(input({ from: 2023, to: 2031 }, [2026, 2027, 2030])))).toBe(3);
    expect(markLines(await lineChartSvg(input({ from: 2023, to: 2026 }, [2026, 2027, 2030])))).toBe(1);
    expect(markLines(await lineChartSvg(input({ from: 2031, to: 2035 }, [2026, 2027, 2030])))).toBe(0);
  });

  it('keeps no English ARIA of the chart library: the <title> and <desc> are the text alternative', async () => {
    const svg = await lineChartSvg(input({ from: 2023, to: 2031 }, [2026]));
    expect(svg).not.toMatch(/Title text|aria-label=|aria-roledescription=|graphics-symbol/);
    expect(svg).toMatch(/<title id="t-title">Teitl<\/title><desc id="t-desc">Disgrifiad<\/desc>/);
    expect(withoutInnerAria('<g aria-label="Title text \'Cymru\'" aria-roledescription="title" role="graphics-object" x="1">')).toBe('<g x="1">');
  });

  it('says what the dashed lines are, in each language', () => {
    expect(actDatesNote('en')).toMatch(/1 April 2026.*1 April 2027.*1 April 2030/);
    expect(actDatesNote('cy')).toMatch(/1 Ebrill 2026.*1 Ebrill 2027.*1 Ebrill 2030/);
  });
});

describe('chart subtitles do not repeat their titles', () => {
  it('leaves out a unit whose every word the title already has, in each language', () => {
    expect(unitInName(metricLabel('en', 'sufficiency_foster'), label('en', 'unit.ratio'))).toBe(true);
    expect(unitInName(metricLabel('cy', 'sufficiency_residential'), label('cy', 'unit.ratio'))).toBe(true);
    expect(unitInName(metricLabel('en', 'mean_distance_km'), label('en', 'unit.km'))).toBe(false);
    expect(unitInName(metricLabel('en', 'placed_in_own_la_share'), label('en', 'unit.share'))).toBe(false);
  });
});
