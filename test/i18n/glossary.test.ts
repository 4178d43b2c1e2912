// docs/glossary-cy.csv: every term has its Welsh and a source (or is marked for a translator's
// review), and the key terms the labels use are the glossary's.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CY, metricLabel } from '../../src/i18n/labels.js';

const rows = parse(readFileSync('docs/glossary-cy.csv', 'utf8'), { columns: true }) as Array<{ english: string; welsh: string; source: string }>;

describe('Welsh glossary', () => {
  it('gives every term its Welsh and a source, or marks it for review', () => {
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) {
      expect(r.english.trim(), JSON.stringify(r)).not.toBe('');
      expect(r.welsh.trim(), JSON.stringify(r)).not.toBe('');
      expect(r.source.trim(), JSON.stringify(r)).not.toBe('');
    }
    expect(rows.filter((r) => /translator review/.test(r.source)).length).toBeGreaterThan(0);
  });

  it('holds the terms the labels rely on, as the labels write them', () => {
    const welsh = (english: string): string => rows.find((r) => r.english === english)!.welsh;
    expect(metricLabel('cy', 'children_looked_after').toLowerCase()).toBe(welsh('children looked after'));
    expect(CY['level.region'].toLowerCase()).toBe(welsh('regional partnership boards'));
    expect(metricLabel('cy', 'supplementary_placements').toLowerCase()).toBe(welsh('supplementary placements'));
    expect(metricLabel('cy', 'not_local_nonprofit')).toContain(welsh('not-for-profit'));
    expect(CY['report.title']).toContain(welsh('sufficiency').replace(/^d/, 'D'));
    expect(CY['region.cardiff-and-vale']).toBe(welsh('Cardiff and Vale'));
  });
});
