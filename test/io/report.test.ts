// The report's pieces that golden files would not pin down: figures from run sets (values, ranges and
// paired differences worked by hand), totals over years run by run, number formats, the SVG's text
// alternative, and a whole report on the small fixture data, where metrics the model leaves empty
// read "not available in this run" rather than an empty chart.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { figureRows, totalCell } from '../../src/io/report/figures.js';
import { QUESTIONS, formatValue, unitOf } from '../../src/io/report/html.js';
import { longDate } from '../../src/i18n/dates.js';
import { metricLabel } from '../../src/i18n/labels.js';
import { accessibleSvg } from '../../src/io/report/charts.js';
import { METRICS } from '../../src/model/types.js';
import type { RunSet } from '../../src/model/montecarlo.js';

const M = METRICS.length;
const U = METRICS.indexOf('unplaced');
const D = METRICS.indexOf('displaced');

/** A run set of one area over years 2023..2025, `unplaced` and `displaced` per run and year. */
function runSet(unplaced: number[][], displaced: number[][]): RunSet {
  const rows = [2023, 2024, 2025].map((year) => ({ scenario: 's', level: 'wales' as const, areaCode: 'W92000004', areaName: 'Wales', year, asAt: `${year + 1}-03-31` }));
  const values = unplaced.map((runU, i) => {
    const v = new Float64Array(rows.length * M).fill(NaN);
    rows.forEach((_r, r) => {
      v[r * M + U] = runU[r];
      v[r * M + D] = displaced[i][r];
    });
    return v;
  });
  return { rows, values };
}

describe('report figures', () => {
  it('one run: the value, no range; B beside it and the difference S − B', () => {
    const s = runSet([[0, 3, 5]], [[NaN, 2, 4]]);
    const b = runSet([[0, 1, 1]], [[NaN, 0, 1]]);
    const rows = figureRows(s, b, { from: 2023, to: 2025 });
    expect(rows.map((r) => r.cells.unplaced.s.v)).toEqual([0, 3, 5]);
    expect(rows.map((r) => r.cells.unplaced.d?.v)).toEqual([0, 2, 4]); // 3 − 1, 5 − 1
    expect(rows[2].cells.unplaced.s.lo).toBeNull();
    // The base row's flow is empty in both, so its difference is empty too.
    expect(rows[0].cells.displaced.d?.v).toBeNull();
  });

  it('several runs: the mean and p10–p90 (nearest rank for a count of children), the paired difference run by run', () => {
    // Five runs of S in 2025: 1..5, of B: 5..1 (run i of B = 6 − i). Means 3 and 3, so the
    // difference of means is 0; the paired differences are −4, −2, 0, 2, 4: mean 0. Nearest rank
    // over 5 runs: p10 = ⌈0.5⌉ = 1st smallest, p90 = ⌈4.5⌉ = 5th: S 1 and 5, S − B −4 and 4.
    const s = runSet([1, 2, 3, 4, 5].map((x) => [0, 0, x]), [1, 2, 3, 4, 5].map(() => [NaN, 0, 0]));
    const b = runSet([5, 4, 3, 2, 1].map((x) => [0, 0, x]), [1, 2, 3, 4, 5].map(() => [NaN, 0, 0]));
    const last = figureRows(s, b, { from: 2025, to: 2025 })[0].cells.unplaced;
    expect(last.s).toEqual({ v: 3, lo: 1, hi: 5 });
    expect(last.d).toEqual({ v: 0, lo: -4, hi: 4 });
  });

  it('totals a flow over the years run by run', () => {
    // Run totals of displaced over 2024-2025: 2 + 4 = 6 and 1 + 1 = 2; mean of the two runs 4;
    // nearest rank over 2 runs: p10 = ⌈0.2⌉ = 1st = 2, p90 = ⌈1.8⌉ = 2nd = 6.
    const s = runSet([[0, 0, 0], [0, 0, 0]], [[NaN, 2, 4], [NaN, 1, 1]]);
    const t = totalCell(s, null, 'wales', 'W92000004', { from: 2024, to: 2025 }, 'displaced');
    expect(t.s).toEqual({ v: 4, lo: 2, hi: 6 });
  });

  it('refuses unpaired run sets', () => {
    const s = runSet([[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]]);
    const b = runSet([[0, 0, 0]], [[0, 0, 0]]);
    expect(() => figureRows(s, b, { from: 2023, to: 2025 })).toThrow(/as many runs/);
  });
});

describe('report formats', () => {
  it('formats figures in the unit shown', () => {
    expect(formatValue(1234.4, 'count')).toBe('1,234');
    expect(formatValue(0.4522, 'share')).toBe('45%');
    expect(formatValue(1.1176, 'ratio')).toBe('1.12');
    expect(formatValue(347_503_000, 'gbp')).toBe('347.5');
    expect(formatValue(-3, 'count', true)).toBe('−3');
    expect(formatValue(3, 'count', true)).toBe('+3');
    expect(formatValue(-0.001, 'count', true)).toBe('0');
    expect(formatValue(null, 'count')).toBe('–');
    expect(unitOf('cost_gbp').scale).toBe(1e-6);
    expect(unitOf('usable_places_foster').key).toBe('unit.places');
    expect(longDate('2036-03-31', 'cy')).toBe('31 Mawrth 2036');
    expect(longDate('2036-03-31', 'en')).toBe('31 March 2036');
  });

  it('gives an SVG role="img", a title and a desc, and ids unique to the chart', () => {
    const svg = accessibleSvg('<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="300" height="200" viewBox="0 0 300 200"><defs><clipPath id="clip1"></clipPath></defs><g clip-path="url(#clip1)"></g></svg>', {
      id: 'c7',
      title: 'A & B',
      desc: 'Line <chart>',
    });
    expect(svg).toContain('role="img" aria-labelledby="c7-title" aria-describedby="c7-desc"');
    expect(svg).toContain('<title id="c7-title">A &amp; B</title><desc id="c7-desc">Line &lt;chart&gt;</desc>');
    expect(svg).toContain('id="c7-clip1"');
    expect(svg).toContain('url(#c7-clip1)');
    expect(svg).toContain('max-width:300px');
    expect(svg).not.toMatch(/\sheight="200"/);
  });
});

describe('report command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-report-unit-'));
  const S = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/sufficiency.js', 'report', ...args], { encoding: 'utf8' });

  it('writes the report and its provenance; a metric the run leaves empty reads "not available in this run", one with figures has its chart', () => {
    const out = path.join(dir, 'r.html');
    const r = run('--scenario', 'exit', ...S, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(JSON.parse(readFileSync(`${out}.meta.json`, 'utf8')).command).toBe('report');
    // Which of the report's metrics the same run leaves empty, from project's own CSV.
    const csv = spawnSync(process.execPath, ['bin/sufficiency.js', 'project', '--scenario', 'exit', ...S, '--by', 'wales', '--format', 'csv'], { encoding: 'utf8' }).stdout;
    const [head, ...lines] = csv.trim().split('\n').map((l) => l.split(','));
    const empty = (m: string): boolean => lines.every((l) => l[head.indexOf(m)] === '');
    for (const q of QUESTIONS) {
      for (const m of q.metrics) {
        if (empty(m)) expect(html, m).toContain(`${metricLabel('en', m)}: not available in this run`);
        // A metric drawn alone has its chart under its own name; one drawn with another of its unit
        // (mean and p90 distance) shares a chart and has its own table.
        else if (q.groups?.some((g) => g.metrics.includes(m))) expect(html, m).toContain(`<caption>${metricLabel('en', m)}`);
        else expect(html, m).toMatch(new RegExp(`<figcaption><h3>${metricLabel('en', m).replace(/[()]/g, '.')}</h3>`));
      }
    }
  });

  it('in Welsh: Welsh labels and the Welsh names of areas; codes and scenario names unchanged', () => {
    const out = path.join(dir, 'cy.html');
    const r = run('--scenario', 'exit', '--compare', 'steady', ...S, '--lang', 'cy', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('Yr atebion pennawd');
    expect(html).toContain('Cymru');
    expect(html).toContain('senario exit');
    expect(html).not.toContain('Headline answers');
  });

  it('refuses an unknown language', () => {
    const r = run('--scenario', 'exit', ...S, '--lang', 'fr', '--out', path.join(dir, 'x.html'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lang: expected en or cy');
  });
});
