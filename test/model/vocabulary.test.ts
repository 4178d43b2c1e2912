// The model's shared constants (docs/methodology.md, "The code's layout"): one definition each.
import { describe, expect, it } from 'vitest';
import { SECTORS, SECTOR_RANK } from '../../src/model/types.js';
import { WALES } from '../../src/common/wales-las.js';

describe('the vocabulary', () => {
  it("ranks each sector by its place in SECTORS: la 0, nfp 1, fp 2", () => {
    expect(SECTOR_RANK).toEqual({ la: 0, nfp: 1, fp: 2 });
    for (const s of SECTORS) expect(SECTOR_RANK[s]).toBe(SECTORS.indexOf(s));
  });

  it('names Wales by its ONS code', () => {
    expect(WALES).toEqual({ code: 'W92000004', name: 'Wales' });
  });
});
