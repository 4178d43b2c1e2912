// Loading a dataset: a folder holding a Frictionless data package (datapackage.json) whose resources
// are CSV files (docs/model.md §3). Every problem is collected, in one pass, as `FILE:LINE:COLUMN`
// Problems; the dataset is returned only when there is no error. Warnings never stop a load. The
// steps, in the order their problems are found: the descriptor (descriptor.ts), each resource's files
// (rows.ts), every cell against its column (cells.ts), repeated keys, one reader per resource
// (readers.ts) with the checks of one resource against another (cross-checks.ts), then children
// against places (capacity.ts) and the plausibility of every figure (plausibility.ts)
// (docs/methodology.md, "Checks on the data").
import { InputError, sortProblems, type Problem } from '../errors.js';
import { displayPath } from '../scenario/display-path.js';
import type { CostRow, Dataset, ExternalPlacementRow, FlowRow, Nation, PlacementRow, StrategyRow } from '../model/types.js';
import { checkCapacity, type Located } from './capacity.js';
import type { RowContext } from './cells.js';
import { checkCostsCover, checkDemandAtBase, checkPlacementsAgainstDemand, demandAtBase } from './cross-checks.js';
import { readPackage } from './descriptor.js';
import { LoadProblems } from './load-problems.js';
import { checkPlausibility } from './plausibility.js';
import {
  laContext,
  type DemandHistory,
  type LocalAuthorities,
  type Providers,
  readCosts,
  readDemandHistory,
  readExternalPlacements,
  readFlows,
  readLocalAuthorities,
  readPlacements,
  readProviders,
  readStrategies,
} from './readers.js';
import { checkCells, checkDuplicateKeys, readResources, taintedLas, type ResourceTable } from './rows.js';

export { regionsOf } from './regions.js';

export interface LoadResult {
  /** Null when any problem is an error. */
  dataset: Dataset | null;
  /** Every problem found, errors and warnings, sorted by file then line. */
  problems: Problem[];
  /** Every input file read (absolute paths): datapackage.json and each CSV. */
  files: string[];
}

export async function loadDataset(dir: string): Promise<LoadResult> {
  const problems = new LoadProblems();
  const files: string[] = [];
  const done = (dataset: Dataset | null): LoadResult => {
    const sorted = sortProblems(problems.list);
    return { dataset: sorted.some((p) => p.severity === 'error') ? null : dataset, problems: sorted, files };
  };
  const pkg = await readPackage(dir, displayPath(dir), problems, files);
  if (pkg === null) return done(null);
  const res = await readResources(pkg, problems, files);
  const ctx = laContext(res.local_authorities, pkg.nation);
  checkCells(res, ctx, problems);
  checkDuplicateKeys(res, problems);
  const read = readEach(res, ctx, pkg.nation, problems);
  const providers = res.providers === null ? null : read.providers.rows;
  const { label } = read.las;
  problems.add(checkCapacity({ placements: read.placements, external: read.external, providers, providersTainted: read.providers.tainted, packageFile: pkg.file, label }));
  const baseYear = read.demand.baseYear;
  if (baseYear === null) return done(null);
  problems.add(
    checkPlausibility({
      nation: pkg.nation,
      baseYear,
      las: read.las.at,
      demand: read.demand.at,
      providers: providers === null || read.providers.tainted ? null : read.providers.at,
      strategies: read.strategies,
      costs: read.costs,
      flows: read.flows,
      external: read.external,
      resolveLa: (text) => ctx.resolveLa?.(text) ?? null,
      label,
    }),
  );
  return done(datasetOf(read, res, pkg.nation, baseYear));
}

/** Every resource as read, each row with the file and line it came from. */
interface ResourcesRead {
  las: LocalAuthorities;
  demand: DemandHistory;
  providers: Providers;
  placements: Array<Located<PlacementRow>>;
  strategies: Array<Located<StrategyRow>>;
  costs: Array<Located<CostRow>>;
  flows: Array<Located<FlowRow>>;
  external: Array<Located<ExternalPlacementRow>>;
}

/** One reader per resource, with the checks of one resource against another as soon as both are read. */
function readEach(res: ResourceTable, ctx: RowContext, nation: Nation, problems: LoadProblems): ResourcesRead {
  const las = readLocalAuthorities(res.local_authorities);
  const demand = readDemandHistory(res.demand_history, nation);
  const atBase = demandAtBase(demand, nation.code);
  const localAuthorities = las.at.map((la) => la.row);
  checkDemandAtBase({ res: res.demand_history, demand, atBase, las: localAuthorities, tainted: taintedLas(res.demand_history, ctx), label: las.label }, problems);
  const providers = readProviders(res.providers);
  const placements = readPlacements(res.placements, problems);
  const placementRows = placements.map((p) => p.row);
  checkPlacementsAgainstDemand(res.placements, placementRows, taintedLas(res.placements, ctx), { baseDate: demand.baseDate, atBase }, las.label, problems);
  const strategies = readStrategies(res.strategies, demand.baseYear, problems);
  const costs = readCosts(res.costs);
  if (res.costs !== null) checkCostsCover(res.costs, res.placements, costs.map((c) => c.row), placementRows, problems);
  const flows = readFlows(res.flows, demand, problems);
  const external = readExternalPlacements(res.external_placements);
  return { las, demand, providers, placements, strategies, costs, flows, external };
}

/** The dataset the model runs on; a resource the package does not list is absent or empty as the model expects (docs/model.md §3). */
function datasetOf(read: ResourcesRead, res: ResourceTable, nation: Nation, baseYear: number): Dataset {
  const rows = <T>(located: ReadonlyArray<Located<T>>): T[] => located.map((l) => l.row);
  return {
    localAuthorities: rows(read.las.at),
    placements: rows(read.placements),
    providers: read.providers.rows,
    demandHistory: read.demand.las,
    strategies: rows(read.strategies),
    costs: res.costs === null ? null : rows(read.costs),
    ...(res.flows !== null ? { flows: rows(read.flows) } : {}),
    ...(read.demand.nation.length > 0 ? { nationHistory: read.demand.nation } : {}),
    ...(res.external_placements !== null ? { externalPlacements: rows(read.external) } : {}),
    baseYear,
    regions: read.las.regions,
    nation,
  };
}

/** Loads a dataset or throws InputError listing every problem (warnings included) when any is an error. */
export async function loadDatasetOrThrow(dir: string): Promise<{ dataset: Dataset; warnings: Problem[]; files: string[] }> {
  const { dataset, problems, files } = await loadDataset(dir);
  if (dataset === null) throw new InputError(problems);
  return { dataset, warnings: problems.filter((p) => p.severity === 'warning'), files };
}

