// docs/metrics.md carries the metric table generated from the metric catalogue: a metric added to the
// catalogue without `node scripts/metrics-docs.mjs` fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricTable, withMetricTable } from '../../src/io/metrics-docs.js';
import { METRICS } from '../../src/model/types.js';

const DOC = path.resolve(__dirname, '../../docs/metrics.md');

describe('docs/metrics.md', () => {
  it('holds the metric table generated from the catalogue (run node scripts/metrics-docs.mjs)', () => {
    const text = readFileSync(DOC, 'utf8');
    expect(withMetricTable(text)).toBe(text);
  });

  it('names every metric once, in the CSV column order', () => {
    const table = metricTable();
    const named = [...table.matchAll(/^\| \d+ \| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(named).toEqual([...METRICS]);
  });

  it('writes each kind as a person reads it', () => {
    const row = (m: string): string => metricTable().split('\n').find((l) => l.includes(`| \`${m}\` |`))!;
    // cost_gbp: £ in the files, £ million to 1 decimal on screen; a flow, neither better nor worse.
    expect(row('cost_gbp')).toContain('| £ | gbp | flow | neutral | £ million, 1 decimal |');
    // placed_in_own_la_share: a share of children, in whole % on screen; higher is better.
    expect(row('placed_in_own_la_share')).toContain('| share of children | share | stock | higher | %, whole |');
    expect(row('sufficiency_foster')).toContain('| places per child | ratio | stock | higher | 2 decimals |');
  });
});
