// The label tables: every English key has a Welsh label (the type says so; this checks the values),
// with the same placeholders, and the Welsh is Welsh (not the English copied over), apart from the
// few labels that are the same in both languages (place names, units written as symbols).
import { describe, expect, it } from 'vitest';
import { CY, EN, label, metricLabel, regionNameIn, type LabelKey } from '../../src/i18n/labels.js';
import { METRICS } from '../../src/model/types.js';

/** The seven regional partnership boards of the shipped Wales data (docs/model.md §3.1). */
const REGIONS = ['north-wales', 'west-wales', 'west-glamorgan', 'cwm-taf-morgannwg', 'cardiff-and-vale', 'gwent', 'powys'];

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(EN) as LabelKey[];

/** Labels that read the same in Welsh: names, symbols (± {unit}, p90 km), and the words "Data" and "cost". */
const SAME_IN_BOTH = new Set<LabelKey>(['region.cwm-taf-morgannwg', 'region.gwent', 'region.powys', 'axis.share', 'axis.km', 'report.estimates.resource', 'report.chart.axis.difference', 'backtest.th.p']);

describe('label tables', () => {
  it('every English key has a non-empty Welsh label, and no other keys', () => {
    expect(Object.keys(CY).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(CY[k].trim(), k).not.toBe('');
  });

  it('Welsh labels carry the same placeholders as the English', () => {
    for (const k of keys) expect(placeholders(CY[k]), k).toEqual(placeholders(EN[k]));
  });

  it('Welsh labels are not the English copied over', () => {
    const same = keys.filter((k) => CY[k] === EN[k] && !SAME_IN_BOTH.has(k));
    expect(same).toEqual([]);
  });

  it('every metric and region has a label in both languages', () => {
    for (const m of METRICS) {
      expect(metricLabel('en', m).trim(), m).not.toBe('');
      expect(metricLabel('cy', m).trim(), m).not.toBe('');
    }
    for (const r of REGIONS) expect(regionNameIn('cy', r, 'English name')).not.toBe('English name');
    expect(regionNameIn('cy', 'cardiff-and-vale')).toBe('Caerdydd a’r Fro');
    expect(regionNameIn('cy', 'northern-test', 'Northern Test')).toBe('Northern Test');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(label('en', 'report.title', { scenario: 'central' })).toBe('Placement sufficiency: scenario central');
    expect(label('cy', 'report.title', { scenario: 'central' })).toBe('Digonolrwydd lleoliadau: senario central');
    expect(label('en', 'report.title')).toBe('Placement sufficiency: scenario {scenario}');
  });

  it('uses the Welsh Government’s terms for the key words', () => {
    expect(metricLabel('cy', 'children_looked_after')).toBe('Plant sy’n derbyn gofal');
    expect(CY['level.region']).toBe('Byrddau partneriaeth rhanbarthol');
    expect(metricLabel('cy', 'not_local_nonprofit')).toContain('nid-er-elw');
    expect(CY['report.title']).toContain('Digonolrwydd lleoliadau');
  });
});

describe('Welsh names after "o" (diff summary)', () => {
  it('take the soft mutation', async () => {
    const { softMutation } = await import('../../src/cli/render/diff.js');
    expect(softMutation('Gogledd Cymru')).toBe('Ogledd Cymru');
    expect(softMutation('Gwent')).toBe('Went');
    expect(softMutation('Caerdydd a’r Fro')).toBe('Gaerdydd a’r Fro');
    expect(softMutation('Cwm Taf Morgannwg')).toBe('Gwm Taf Morgannwg');
    expect(softMutation('Powys')).toBe('Bowys');
    expect(softMutation('Llanelli')).toBe('Lanelli');
    expect(softMutation('Rhondda Cynon Taf')).toBe('Rondda Cynon Taf');
    expect(softMutation('Ynys Môn')).toBe('Ynys Môn');
  });
});
