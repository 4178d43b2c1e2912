// The checks of one resource against another (src/io/cross-checks.ts; docs/methodology.md, "Checks
// on the data"), on small hand-made inputs whose figures are worked in the comments.
import { describe, it, expect } from 'vitest';
import { checkCostsCover, checkDemandAtBase, checkPlacementsAgainstDemand, demandAtBase } from '../../src/io/cross-checks.js';
import { LoadProblems } from '../../src/io/load-problems.js';
import type { DemandHistory } from '../../src/io/readers.js';
import type { ResourceRows } from '../../src/io/rows.js';
import type { CostRow, DemandPoint, LocalAuthority, PlacementRow } from '../../src/model/types.js';

const read = (file: string, complete = true): ResourceRows => ({ files: [file], rows: [], complete });
const label = (code: string): string => `LA ${code}`;

const point = (laCode: string, asAt: string, children: number, line: number) => ({
  row: { laCode, asAt, year: Number(asAt.slice(0, 4)), children } as DemandPoint,
  file: 'd/demand_history.csv',
  line,
});
const history = (at: ReturnType<typeof point>[], baseYear: number | null): DemandHistory => ({
  at,
  las: at.map((d) => d.row).filter((d) => d.laCode !== 'W92000004'),
  nation: at.map((d) => d.row).filter((d) => d.laCode === 'W92000004'),
  baseYear,
  baseDate: baseYear === null ? '' : `${baseYear}-03-31`,
});
const placement = (laCode: string, children: number, sector: PlacementRow['sector'] = 'la', host: string | null = laCode): PlacementRow => ({
  laCode,
  placementType: 'foster',
  sector,
  host,
  children,
  providerId: null,
});

describe('every LA at the base date', () => {
  // A has rows at 2023 and 2024, B only at 2023: the base date is 2024-03-31 and B has none there.
  const demand = history([point('A', '2023-03-31', 10, 2), point('A', '2024-03-31', 12, 3), point('B', '2023-03-31', 5, 4), point('W92000004', '2024-03-31', 17, 5)], 2024);
  const la = (code: string): LocalAuthority => ({ code, nameEn: code, nameCy: code, region: 'r', lat: 52, lon: -3, areaKm2: 100 });
  const las = [la('A'), la('B')];

  it("takes each LA's first row at the base date, not the nation's", () => {
    expect([...demandAtBase(demand, 'W92000004').keys()]).toEqual(['A']);
  });

  it('names an LA without a row there, unless one of its rows failed its schema', () => {
    const problems = new LoadProblems();
    const atBase = demandAtBase(demand, 'W92000004');
    checkDemandAtBase({ res: read('d/demand_history.csv'), demand, atBase, las, tainted: new Set(), label }, problems);
    expect(problems.list.map((p) => p.message)).toEqual(['no row for LA B at 2024-03-31: every LA needs its children looked after at the base date (the latest as_at)']);
    const quiet = new LoadProblems();
    checkDemandAtBase({ res: read('d/demand_history.csv'), demand, atBase, las, tainted: new Set(['B']), label }, quiet);
    expect(quiet.list).toEqual([]);
  });

  it('says a file without rows has none, and waits for a file read in part', () => {
    const empty = new LoadProblems();
    checkDemandAtBase({ res: read('d/demand_history.csv'), demand: history([], null), atBase: new Map(), las, tainted: new Set(), label }, empty);
    expect(empty.list).toEqual([{ file: 'd/demand_history.csv', line: null, column: null, message: 'no rows: expected children looked after per LA at one or more 31 Marches', severity: 'error' }]);
    const partial = new LoadProblems();
    checkDemandAtBase({ res: read('d/demand_history.csv', false), demand, atBase: new Map(), las, tainted: new Set(), label }, partial);
    expect(partial.list).toEqual([]);
  });
});

describe('placements against the children looked after at the base date', () => {
  // A: 100 children at the base date. 101 placed is 1.0% apart (allowed: at most 1% of 100 = 1 child);
  // 102 placed is 2.0% apart, an error at demand_history's line of A.
  const demand = history([point('A', '2024-03-31', 100, 7)], 2024);
  const atBase = demandAtBase(demand, 'W92000004');
  const run = (placed: number[], tainted = new Set<string>()) => {
    const problems = new LoadProblems();
    checkPlacementsAgainstDemand(read('d/placements.csv'), placed.map((n) => placement('A', n)), tainted, { baseDate: demand.baseDate, atBase }, label, problems);
    return problems.list;
  };

  it('allows 1% apart and sums an LA’s rows', () => {
    expect(run([60, 41])).toEqual([]);
  });

  it('refuses more than 1% apart, saying both figures', () => {
    expect(run([60, 42])).toEqual([
      { file: 'd/demand_history.csv', line: 7, column: 'children', message: 'LA A has 100 children looked after at 2024-03-31 here, but placements hold 102 (2.0% apart; at most 1% allowed)', severity: 'error' },
    ]);
  });

  it('waits for an LA with a placements row that could not be read', () => {
    expect(run([60], new Set(['A']))).toEqual([]);
  });
});

describe('costs for the placements', () => {
  const cost = (sector: CostRow['sector'], location: CostRow['location'], laCode: string | null): CostRow => ({ placementType: 'foster', sector, location, weeklyCostGbp: 800, priceYear: 2024, laCode });

  it('warns once per type, sector and location without a cost, adding their children (3 + 4 = 7)', () => {
    const problems = new LoadProblems();
    // nfp in Wales: A's 3 and B's 4 children have no row; la in Wales: A's own row covers A, the all-Wales row B.
    const placements = [placement('A', 3, 'nfp'), placement('B', 4, 'nfp'), placement('A', 2), placement('B', 5), placement('B', 0, 'fp')];
    checkCostsCover(read('d/costs.csv'), read('d/placements.csv'), [cost('la', 'in_wales', 'A'), cost('la', 'in_wales', null)], placements, problems);
    expect(problems.list).toEqual([
      { file: 'd/costs.csv', line: null, column: null, message: 'no cost for nfp foster in_wales: placements hold 7 such children, so cost_gbp will be empty for their areas', severity: 'warning' },
    ]);
  });

  it("prices a placement by its LA's own row only for that LA", () => {
    const problems = new LoadProblems();
    checkCostsCover(read('d/costs.csv'), read('d/placements.csv'), [cost('la', 'in_wales', 'A')], [placement('B', 5)], problems);
    expect(problems.list.map((p) => p.message)).toEqual(['no cost for la foster in_wales: placements hold 5 such children, so cost_gbp will be empty for their areas']);
  });
});
