// Loading a dataset: a folder holding a Frictionless data package (datapackage.json) whose resources
// are CSV files (docs/model.md §3). Every problem is collected, in one pass, as `FILE:LINE:COLUMN`
// Problems; the dataset is returned only when there is no error. Warnings never stop a load. The
// steps, in the order their problems are found: the descriptor (descriptor.ts), each resource's files
// (rows.ts), every cell against its column (cells.ts), repeated keys, one reader per resource
// (readers.ts) with the checks of one resource against another (cross-checks.ts), then children
// against places (capacity.ts) and the plausibility of every figure (plausibility.ts)
// (docs/methodology.md, "Checks on the data").
import path from 'node:path';
import { InputError, type Problem } from '../errors.js';
import type { Dataset } from '../model/types.js';
import { checkCapacity } from './capacity.js';
import { checkCostsCover, checkDemandAtBase, checkPlacementsAgainstDemand, demandAtBase } from './cross-checks.js';
import { readPackage } from './descriptor.js';
import { LoadProblems } from './load-problems.js';
import { checkPlausibility } from './plausibility.js';
import {
  laContext,
  readCosts,
  readDemandHistory,
  readExternalPlacements,
  readFlows,
  readLocalAuthorities,
  readPlacements,
  readProviders,
  readStrategies,
} from './readers.js';
import { checkCells, checkDuplicateKeys, readResources, taintedLas } from './rows.js';

export { DEFAULT_NATION } from './descriptor.js';
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
  const { nation } = pkg;
  const res = await readResources(pkg, problems, files);
  const ctx = laContext(res.local_authorities, nation);
  checkCells(res, ctx, problems);
  checkDuplicateKeys(res, problems);

  const las = readLocalAuthorities(res.local_authorities);
  const localAuthorities = las.at.map((la) => la.row);
  const { label } = las;
  const demand = readDemandHistory(res.demand_history, nation);
  const atBase = demandAtBase(demand, nation.code);
  checkDemandAtBase({ res: res.demand_history, demand, atBase, las: localAuthorities, tainted: taintedLas(res.demand_history, ctx), label }, problems);
  const providers = readProviders(res.providers);
  const placementsAt = readPlacements(res.placements, problems);
  const placements = placementsAt.map((p) => p.row);
  checkPlacementsAgainstDemand(res.placements, placements, taintedLas(res.placements, ctx), { baseDate: demand.baseDate, atBase }, label, problems);
  const strategiesAt = readStrategies(res.strategies, demand.baseYear, problems);
  const costsAt = readCosts(res.costs);
  const costs = res.costs === null ? null : costsAt.map((c) => c.row);
  if (costs !== null) checkCostsCover(res.costs, res.placements, costs, placements, problems);
  const flowsAt = readFlows(res.flows, demand, problems);
  const externalAt = readExternalPlacements(res.external_placements);

  const providersKnown = res.providers === null ? null : providers.rows;
  problems.add(checkCapacity({ placements: placementsAt, external: externalAt, providers: providersKnown, providersTainted: providers.tainted, packageFile: pkg.file, label }));
  const baseYear = demand.baseYear;
  if (baseYear === null) return done(null);
  problems.add(
    checkPlausibility({
      nation,
      baseYear,
      las: las.at,
      demand: demand.at,
      providers: providersKnown === null || providers.tainted ? null : providers.at,
      strategies: strategiesAt,
      costs: costsAt,
      flows: flowsAt,
      external: externalAt,
      resolveLa: (text) => ctx.resolveLa?.(text) ?? null,
      label,
    }),
  );
  const externalPlacements = externalAt.map((e) => e.row);
  return done({
    localAuthorities,
    placements,
    providers: providers.rows,
    demandHistory: demand.las,
    strategies: strategiesAt.map((s) => s.row),
    costs,
    ...(res.flows !== null ? { flows: flowsAt.map((f) => f.row) } : {}),
    ...(demand.nation.length > 0 ? { nationHistory: demand.nation } : {}),
    ...(res.external_placements !== null ? { externalPlacements } : {}),
    baseYear,
    regions: las.regions,
    nation,
  });
}

/** Loads a dataset or throws InputError listing every problem (warnings included) when any is an error. */
export async function loadDatasetOrThrow(dir: string): Promise<{ dataset: Dataset; warnings: Problem[]; files: string[] }> {
  const { dataset, problems, files } = await loadDataset(dir);
  if (dataset === null) throw new InputError(problems);
  return { dataset, warnings: problems.filter((p) => p.severity === 'warning'), files };
}

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  if (!path.isAbsolute(p)) return path.normalize(p);
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compareText(a.p.file, b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
