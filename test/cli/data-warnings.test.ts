// A run on data with warnings names them (the first five, then how many more): nothing unusual in
// the data reaches a projection unnamed (issue 23).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dataWarningLines } from '../../src/cli/data-warnings.js';
import type { Problem } from '../../src/errors.js';

const warning = (line: number): Problem => ({ file: 'd/placements.csv', line, column: 'children', message: `odd ${line}`, severity: 'warning' });

describe('the data\'s warnings on a run', () => {
  it('names up to five, then says how many more', () => {
    expect(dataWarningLines([])).toEqual([]);
    expect(dataWarningLines([warning(2)])).toEqual(['sufficiency: d/placements.csv:2:children: warning: odd 2']);
    // 7 warnings: 5 named, "2 more".
    const lines = dataWarningLines([2, 3, 4, 5, 6, 7, 8].map(warning));
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('sufficiency: d/placements.csv:6:children: warning: odd 6');
    expect(lines[5]).toBe('sufficiency: the data has 2 more warnings (sufficiency validate lists them all)');
    expect(dataWarningLines([2, 3, 4, 5, 6, 7].map(warning))[5]).toBe('sufficiency: the data has 1 more warning (sufficiency validate lists them all)');
  });

  it('project names them on standard error (built CLI)', () => {
    const r = spawnSync(process.execPath, ['bin/sufficiency.js', 'project', '--scenario', 'baseline', '--data', 'test/fixtures/io/external-over-capacity', '--format', 'csv'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      'sufficiency: test/fixtures/io/external-over-capacity/placements.csv:5:children: warning: 40 children are placed in la foster at Cardiff (W06000015), and 10 children of other authorities (test/fixtures/io/external-over-capacity/external_placements.csv line 2), but providers list only 45 places there',
    );
  });
});
