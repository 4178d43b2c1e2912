// Issue 19's rough edges, each where it can fail: the colour legend wraps at spaces, a sparkline of
// figures that print alike is flat, diff says the matching once, the 120-column Monte Carlo table
// keeps cost, and --area names the nation.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { keepArea, parseAreas } from '../../src/cli/areas.js';
import { matchingNotes } from '../../src/cli/matching-notes.js';
import type { LoadedScenario } from '../../src/cli/pipeline.js';
import { sparkline } from '../../src/cli/render/sparkline.js';
import { renderProjectTable } from '../../src/cli/render/table.js';
import { wrap } from '../../src/cli/render/wrap.js';
import { areasOf } from '../../src/model/aggregate.js';
import { dataset } from '../model/fixtures.js';
import { walesRow } from './rows.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ANSI = /\u001b\[[0-9;]*m/g;

describe('the colour legend wraps at spaces', () => {
  const row = (year: number) => walesRow(year);
  const LEGEND =
    'red: children without a place; yellow: fewer places than children needing them (sufficiency below 1), or more children outside Wales than the year before; dim: the base row and empty figures.';

  for (const width of [80, 120]) {
    it(`at ${width} columns: no line wider than the page (at most 100), no word broken`, () => {
      const text = renderProjectTable({ scenario: 's', title: '', levels: ['wales'], prices: null, rows: [row(2023), row(2024)], baseYear: 2024, metrics: ['unplaced'], width, chalk: new Chalk({ level: 1 }) });
      const lines = text.split('\n').map((l) => l.replace(ANSI, ''));
      const start = lines.findIndex((l) => l.startsWith('red: '));
      const end = lines.findIndex((l, i) => i >= start && l.endsWith('empty figures.'));
      const legend = lines.slice(start, end + 1);
      // 188 characters: two lines at 80 or at 100 (120 is capped to 100, as every paragraph).
      expect(legend).toHaveLength(width === 80 ? 3 : 2);
      for (const l of legend) expect([...l].length).toBeLessThanOrEqual(Math.min(width, 100));
      expect(legend.join(' ')).toBe(LEGEND); // joined at the breaks, it is the legend: no word split
    });
  }

  it('wrap counts colour codes as nothing: a coloured word fits where its letters fit', () => {
    const red = '\u001b[31mred\u001b[39m'; // 3 columns on screen, 13 characters
    expect(wrap(`${red} abcdef`, 10)).toBe(`${red} abcdef`);
    expect(wrap(`${red} abcdefg`, 10)).toBe(`${red}\nabcdefg`);
  });
});

describe('a sparkline is drawn from the figures as printed', () => {
  const twoDecimals = (v: number): string => v.toFixed(2);

  it('is flat when every value prints 0.92, though the values differ in the third decimal', () => {
    // Unrounded, 0.9151 .. 0.9249 span the full height: 0.92 is (0.92 − 0.9151) / 0.0098 = 0.5 of
    // it, bar floor(0.5 × 8) = 4 (▅). Printed, they are all 0.92: one level, the middle bar ▄.
    expect(sparkline([0.9151, 0.9249, 0.92])).toBe('▁█▅');
    expect(sparkline([0.9151, 0.9249, 0.92], { printed: twoDecimals })).toBe('▄▄▄');
  });

  it('gives values that print alike the same bar', () => {
    // printed 0.92, 0.92, 0.93: the first two are the minimum (▁), the last the maximum (█)
    expect(sparkline([0.9151, 0.9249, 0.93], { printed: twoDecimals })).toBe('▁▁█');
    // money printed in £m with thousands separators and a typographic minus
    expect(sparkline([-1_000_000, 2_000_000], { printed: (v) => (v < 0 ? `−${Math.abs(v / 1e6).toFixed(1)}` : (v / 1e6).toFixed(1)) })).toBe('▁█');
  });

  it('keeps an empty value (–) a space', () => {
    expect(sparkline([null, 1, 2], { printed: (v) => String(v) })).toBe(' ▁█');
  });
});

describe('diff says how children are matched once', () => {
  const scenario = (name: string, matching: unknown): LoadedScenario => ({ name, spec: { matching } }) as unknown as LoadedScenario;
  const calibrated = { method: 'choice', calibrate: true };

  it('once, without names, when both scenarios match alike', () => {
    const note = matchingNotes([scenario('central', calibrated), scenario('prevention', calibrated)]);
    expect(note).toMatch(/^Placement choice: /);
    expect(note!.match(/Placement choice/g)).toHaveLength(1);
  });

  it('naming each when they differ, and only those that use placement choice', () => {
    const byHand = { method: 'choice', calibrate: false };
    const note = matchingNotes([scenario('a', calibrated), scenario('b', byHand)])!;
    expect(note.startsWith('a: Placement choice')).toBe(true);
    expect(note).toContain(' b: Placement choice');
    expect(matchingNotes([scenario('a', { method: 'least_distance' }), scenario('b', calibrated)])).toMatch(/^b: Placement choice/);
    expect(matchingNotes([scenario('a', undefined), scenario('b', undefined)])).toBeNull();
  });
});

describe('--area names the nation', () => {
  const ds = dataset();
  const regions = areasOf(ds, 'region');
  const regionOf = (la: string): string => ds.localAuthorities.find((l) => l.code === la)!.region;

  it('as wales, its code, its English or Welsh name, in any case: every area is kept', () => {
    for (const name of ['wales', 'Wales', 'W92000004', 'Cymru', 'WALES']) {
      const f = parseAreas(name, ds, regions);
      expect(f.nation, name).toBe(true);
      const [a] = ds.localAuthorities.map((l) => l.code);
      expect(keepArea(f, 'la', a, [a], regionOf)).toBe(true);
      expect(keepArea(f, 'region', regions[0].code, regions[0].laCodes, regionOf)).toBe(true);
    }
  });

  it('beside an LA it still keeps everything (the LA lies in the nation); an unknown name says the nation may be named', () => {
    const f = parseAreas(`wales, ${ds.localAuthorities[0].code}`, ds, regions);
    expect(f.nation).toBe(true);
    expect(() => parseAreas('Walse', ds, regions)).toThrow(/or the nation \(Wales, W92000004\)/);
  });
});

describe('the 120-column Monte Carlo table keeps cost', () => {
  it('project --scenario central-uncertain --runs 8 at 120 columns shows the cost column', () => {
    const r = spawnSync(process.execPath, ['bin/sufficiency.js', 'project', '--scenario', 'central-uncertain', '--runs', '8', '--by', 'wales', '--format', 'table'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' },
    });
    expect(r.status).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.startsWith('year '))!;
    expect(header).toMatch(/£m$/); // cost is the last column shown
    for (const l of r.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(120);
  });
});
