// Loading a dataset: a folder holding a Frictionless data package (datapackage.json) whose resources
// are CSV files (docs/model.md §3). Every problem is collected, in one pass, as `FILE:LINE:COLUMN`
// Problems; the dataset is returned only when there is no error. Warnings never stop a load.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from './zod.js';
import { InputError, type Problem } from '../errors.js';
import {
  OUTSIDE_WALES,
  isMarketType,
  type CostLocation,
  type CostRow,
  type Dataset,
  type DemandPoint,
  type FigureStatus,
  type FlowRow,
  type ExternalPlacementRow,
  type LocalAuthority,
  type MarketType,
  type Nation,
  type PlacementRow,
  type PlacementType,
  type ProviderRow,
  type Region,
  type Sector,
  type StrategyAction,
  type StrategyRow,
} from '../model/types.js';
import { readCsvFile } from './csv.js';
import { WALES } from './wales-las.js';
import { readDataFile } from './data-file.js';
import { checkCapacity, type Located } from './capacity.js';
import { checkPlausibility } from './plausibility.js';
import { editDistance, foldName, isLaCode, makeLaResolver, suggestAmong } from './la-names.js';
import {
  RESOURCES,
  RESOURCE_NAMES,
  isResourceName,
  requiredColumns,
  rowCheck,
  type ParsedRow,
  type ResourceName,
  type RowContext,
} from './schemas.js';

export interface LoadResult {
  /** Null when any problem is an error. */
  dataset: Dataset | null;
  /** Every problem found, errors and warnings, sorted by file then line. */
  problems: Problem[];
  /** Every input file read (absolute paths): datapackage.json and each CSV. */
  files: string[];
}

/** One CSV row of a resource, with where it came from and, if it passed its schema, its parsed values. */
interface Row {
  file: string;
  line: number;
  raw: Record<string, string>;
  parsed: ParsedRow | null;
}

interface ResourceRows {
  /** The files of the resource as listed (display paths). */
  files: string[];
  rows: Row[];
  /** False when a file could not be read whole (missing, columns missing, malformed records). */
  complete: boolean;
}

const PACKAGE_FILE = 'datapackage.json';
/** A descriptor lists files; 1 MiB is far more than any needs (the Wales one is 4 KiB). */
const MAX_DESCRIPTOR_BYTES = 1024 * 1024;

export async function loadDataset(dir: string): Promise<LoadResult> {
  const shownDir = displayPath(dir);
  const packageFile = path.join(shownDir, PACKAGE_FILE);
  const problems: Problem[] = [];
  const files: string[] = [];
  const error = (file: string, line: number | null, column: string | null, message: string): void => {
    problems.push({ file, line, column, message, severity: 'error' });
  };
  const warn = (file: string, line: number | null, column: string | null, message: string): void => {
    problems.push({ file, line, column, message, severity: 'warning' });
  };
  const done = (dataset: Dataset | null): LoadResult => {
    const sorted = sortProblems(problems);
    return { dataset: sorted.some((p) => p.severity === 'error') ? null : dataset, problems: sorted, files };
  };

  // --- The package descriptor.
  const dirStat = await stat(dir).catch(() => null);
  if (dirStat === null || !dirStat.isDirectory()) {
    error(shownDir, null, null, dirStat === null ? 'no such folder: expected a data package folder holding datapackage.json' : 'expected a data package folder, found a file');
    return done(null);
  }
  const read = await readDataFile(packageFile, shownDir, MAX_DESCRIPTOR_BYTES);
  if ('message' in read) {
    const missing = read.message.startsWith('file not found');
    error(packageFile, read.line ?? null, null, missing ? 'file not found: a dataset folder needs a datapackage.json listing its resources (`sufficiency template DIR` writes one)' : read.message);
    return done(null);
  }
  const text = read.text;
  files.push(path.resolve(packageFile));
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    error(packageFile, line, null, `expected valid JSON, found a syntax error (${msg})`);
    return done(null);
  }
  const entries = readDescriptor(descriptor, packageFile, text, problems);
  const nation = readNation(descriptor, packageFile, text, problems);

  // --- Which resources, from which files.
  const listed = new Map<ResourceName, { paths: string[]; line: number | null }>();
  for (const entry of entries) {
    if (!isResourceName(entry.name)) {
      const hint = suggestAmong(entry.name, RESOURCE_NAMES);
      warn(packageFile, entry.line, null, `unknown resource "${entry.name}" is ignored (known: ${RESOURCE_NAMES.join(', ')})${hint ? `; ${hint}` : ''}`);
      continue;
    }
    if (listed.has(entry.name)) {
      error(packageFile, entry.line, null, `resource "${entry.name}" is listed twice (first at line ${listed.get(entry.name)!.line ?? '?'}); list its files as one "path" array instead`);
      continue;
    }
    listed.set(entry.name, { paths: entry.paths, line: entry.line });
  }
  for (const name of RESOURCE_NAMES) {
    if (RESOURCES[name].required && !listed.has(name)) {
      error(packageFile, null, null, `missing resource "${name}": every dataset needs local_authorities, placements and demand_history`);
    }
  }

  const readResource = async (name: ResourceName): Promise<ResourceRows | null> => {
    const entry = listed.get(name);
    if (!entry) return null;
    const out: ResourceRows = { files: [], rows: [], complete: true };
    const needed = requiredColumns(name);
    for (const rel of entry.paths) {
      if (path.isAbsolute(rel) || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.split(/[\\/]/).includes('..')) {
        error(packageFile, entry.line, null, `resource "${name}": expected a path inside the data package folder, found "${rel}"`);
        out.complete = false;
        continue;
      }
      const file = path.join(shownDir, rel);
      out.files.push(file);
      const { table, problems: csvProblems } = await readCsvFile(file, shownDir);
      problems.push(...csvProblems);
      if (csvProblems.length > 0) out.complete = false;
      if (table === null) continue;
      files.push(path.resolve(file));
      if (table.header.length === 0) continue;
      const missing = needed.filter((c) => !table.header.includes(c));
      for (const col of missing) {
        const extra = table.header.filter((h) => !RESOURCES[name].fields.some((f) => f.name === h));
        const like = extra.find((h) => {
          const a = foldName(h);
          const b = foldName(col);
          return a !== '' && (a.includes(b) || b.includes(a) || editDistance(a, b) <= 2);
        });
        const near = like !== undefined ? ` (found "${like}": rename it "${col}")` : '';
        error(file, table.headerLine, null, `missing column "${col}": a ${name} file needs the columns ${needed.join(', ')}${near}`);
      }
      if (missing.length > 0) out.complete = false;
      if (missing.length > 0) continue; // rows of a file without its columns would only repeat the problem
      for (const r of table.records) out.rows.push({ file, line: r.line, raw: r.values, parsed: null });
    }
    return out;
  };

  // --- local_authorities first: every other resource names LAs.
  const laRows = await readResource('local_authorities');
  const ctx: RowContext = { resolveLa: null, suggestLa: () => null, nation };
  if (laRows !== null) {
    // LAs are resolvable by their code and names even if another cell of their row is wrong, so that
    // one bad latitude does not turn every mention of that LA elsewhere into an "unknown LA".
    const known = laRows.rows
      .filter((r) => isLaCode((r.raw.la_code ?? '').trim()))
      .map((r): LocalAuthority => ({
        code: r.raw.la_code.trim(),
        nameEn: r.raw.name_en || r.raw.la_code,
        nameCy: r.raw.name_cy || r.raw.la_code,
        region: '',
        lat: 0,
        lon: 0,
        areaKm2: 0,
      }));
    if (known.length > 0) {
      const resolver = makeLaResolver(known);
      ctx.resolveLa = (t) => resolver.resolve(t);
      ctx.suggestLa = (t) => resolver.suggest(t);
    }
  }
  const otherRows = new Map<ResourceName, ResourceRows | null>();
  for (const name of RESOURCE_NAMES) {
    if (name !== 'local_authorities') otherRows.set(name, await readResource(name));
  }
  const all = new Map<ResourceName, ResourceRows | null>([['local_authorities', laRows], ...otherRows]);

  // --- Every row against its schema.
  for (const [name, res] of all) {
    if (res === null) continue;
    const check = rowCheck(name, ctx);
    for (const row of res.rows) {
      const result = check(row.raw);
      if ('parsed' in result) {
        row.parsed = result.parsed;
        continue;
      }
      for (const issue of result.issues) error(row.file, row.line, issue.column, issue.message);
    }
  }

  const ok = (res: ResourceRows | null | undefined): Row[] => (res ? res.rows.filter((r) => r.parsed !== null) : []);
  const str = (r: Row, c: string): string | null => {
    const v = r.parsed![c];
    return v === null || v === undefined ? null : String(v);
  };
  const num = (r: Row, c: string): number => r.parsed![c] as number;
  const laNames = new Map<string, string>();
  for (const r of ok(laRows)) laNames.set(str(r, 'la_code')!, str(r, 'name_en')!);
  const label = (code: string): string => (laNames.has(code) ? `${laNames.get(code)} (${code})` : code);

  // --- Duplicate keys.
  for (const [name, res] of all) {
    if (res === null) continue;
    const key = RESOURCES[name].primaryKey;
    const first = new Map<string, Row>();
    for (const r of ok(res)) {
      const k = key.map((c) => (name === 'strategies' && c === 'host' ? (str(r, 'host') ?? str(r, 'la_code')) : str(r, c)) ?? '').join('\u0000');
      const prev = first.get(k);
      if (prev === undefined) {
        first.set(k, r);
        continue;
      }
      const where = prev.file === r.file ? `line ${prev.line}` : `${prev.file} line ${prev.line}`;
      const values = key.map((c) => str(r, c) ?? '(empty)').join(', ');
      error(r.file, r.line, null, `duplicate row: the same ${listWords(key)} (${values}) as ${where}`);
    }
  }

  // --- local_authorities.
  const lasAt: Array<Located<LocalAuthority>> = ok(laRows).map((r) => ({
    row: {
      code: str(r, 'la_code')!,
      nameEn: str(r, 'name_en')!,
      nameCy: str(r, 'name_cy')!,
      region: str(r, 'region')!,
      lat: num(r, 'lat'),
      lon: num(r, 'lon'),
      areaKm2: num(r, 'area_km2'),
    },
    file: r.file,
    line: r.line,
  }));
  const localAuthorities = lasAt.map((la) => la.row);
  const regions = regionsOf(ok(laRows).map((r) => ({ code: str(r, 'la_code')!, slug: str(r, 'region')!, name: r.raw.region.trim() })));

  // --- demand_history and the base year.
  const demandRes = all.get('demand_history') ?? null;
  const demandAt: Array<Located<DemandPoint>> = ok(demandRes).map((r) => {
    const asAt = str(r, 'as_at')!;
    return { row: { laCode: str(r, 'la_code')!, asAt, year: Number(asAt.slice(0, 4)), children: num(r, 'children'), ...source(r), ...status(r) }, file: r.file, line: r.line };
  });
  const demandPoints = demandAt.map((d) => d.row);
  // Rows for the nation (its own published totals) are kept apart: the model projects LAs, and the
  // backtest scores the nation on them.
  const demandHistory = demandPoints.filter((d) => d.laCode !== nation.code);
  const nationHistory = demandPoints.filter((d) => d.laCode === nation.code);
  const baseYear = demandHistory.length > 0 ? Math.max(...demandHistory.map((d) => d.year)) : null;
  const baseDate = baseYear === null ? '' : `${baseYear}-03-31`;
  const demandAtBase = new Map<string, { children: number; row: Row }>();
  for (const r of ok(demandRes)) {
    if (str(r, 'as_at') === baseDate && str(r, 'la_code') !== nation.code && !demandAtBase.has(str(r, 'la_code')!)) {
      demandAtBase.set(str(r, 'la_code')!, { children: num(r, 'children'), row: r });
    }
  }
  // An LA with a broken demand_history row may be missing at B only because of that row.
  const demandTainted = taintedLas(demandRes, ctx);
  if (demandRes !== null && demandRes.complete && baseYear !== null) {
    for (const la of localAuthorities) {
      if (!demandAtBase.has(la.code) && !demandTainted.has(la.code)) {
        error(demandRes.files[0], null, null, `no row for ${label(la.code)} at ${baseDate}: every LA needs its children looked after at the base date (the latest as_at)`);
      }
    }
  } else if (demandRes !== null && demandRes.complete && demandRes.rows.length === 0) {
    error(demandRes.files[0], null, null, 'no rows: expected children looked after per LA at one or more 31 Marches');
  }

  // --- providers.
  const providerRes = all.get('providers') ?? null;
  const providersAt: Array<Located<ProviderRow>> = ok(providerRes).map((r) => ({
    row: {
      providerId: str(r, 'provider_id')!,
      providerName: str(r, 'provider_name')!,
      sector: str(r, 'sector') as Sector,
      host: str(r, 'host')!,
      placementType: str(r, 'placement_type') as MarketType,
      places: num(r, 'places'),
      ...source(r),
    },
    file: r.file,
    line: r.line,
  }));
  const providers = providersAt.map((p) => p.row);
  const providersTainted = providerRes !== null && (!providerRes.complete || providerRes.rows.some((r) => r.parsed === null));

  // --- placements.
  const placementRes = all.get('placements') ?? null;
  const placements: PlacementRow[] = [];
  const placementRowOf = new Map<PlacementRow, Row>();
  for (const r of placementRes?.rows ?? []) {
    // Market rows need a sector and a host; checked on the raw cells so that it is reported with the
    // row's other problems.
    const type = (r.raw.placement_type ?? '').trim().toLowerCase();
    if (isMarketType(type)) {
      for (const c of ['sector', 'host'] as const) {
        if ((r.raw[c] ?? '').trim() === '') {
          const what = c === 'sector' ? 'a sector (la, nfp, fp)' : 'a host (a local authority or OUTSIDE_WALES)';
          error(r.file, r.line, c, `expected ${what} for a ${type} placement, found an empty cell (only non-market types may leave it empty)`);
          r.parsed = null;
        }
      }
    }
    if (r.parsed === null) continue;
    const row: PlacementRow = {
      laCode: str(r, 'la_code')!,
      placementType: str(r, 'placement_type') as PlacementType,
      sector: str(r, 'sector') as Sector | null,
      host: str(r, 'host'),
      children: num(r, 'children'),
      providerId: str(r, 'provider_id'),
      ...source(r),
    };
    placements.push(row);
    placementRowOf.set(row, r);
  }
  const placementsTainted = taintedLas(placementRes, ctx);

  // Placements against demand_history at the base date.
  if (placementRes !== null && placementRes.complete && baseYear !== null) {
    const placed = new Map<string, number>();
    for (const row of placements) placed.set(row.laCode, (placed.get(row.laCode) ?? 0) + row.children);
    for (const [code, d] of demandAtBase) {
      if (placementsTainted.has(code)) continue;
      const p = placed.get(code) ?? 0;
      if (Math.abs(p - d.children) > 0.01 * d.children + 1e-9) {
        const gap = d.children > 0 ? ((100 * Math.abs(p - d.children)) / d.children).toFixed(1) : '∞';
        error(
          d.row.file,
          d.row.line,
          'children',
          `${label(code)} has ${d.children} children looked after at ${baseDate} here, but placements hold ${p} (${gap}% apart; at most 1% allowed)`,
        );
      }
    }
  }

  // --- strategies.
  const strategyRes = all.get('strategies') ?? null;
  const strategiesAt: Array<Located<StrategyRow>> = [];
  for (const r of ok(strategyRes)) {
    const year = num(r, 'year');
    if (baseYear !== null && year < baseYear) {
      error(r.file, r.line, 'year', `expected a financial year from ${baseYear} (the base year) on, found "${r.raw.year}"`);
      continue;
    }
    const note = str(r, 'note');
    const row: StrategyRow = {
      laCode: str(r, 'la_code')!,
      year,
      action: str(r, 'action') as StrategyAction,
      placementType: str(r, 'placement_type') as MarketType,
      sector: str(r, 'sector') as Sector,
      places: num(r, 'places'),
      host: str(r, 'host') ?? str(r, 'la_code')!,
      ...(note !== null ? { note } : {}),
    };
    strategiesAt.push({ row, file: r.file, line: r.line });
  }
  const strategies = strategiesAt.map((s) => s.row);

  // --- costs.
  const costRes = all.get('costs') ?? null;
  const costsAt: Array<Located<CostRow>> = ok(costRes).map((r) => ({
    row: {
      placementType: str(r, 'placement_type') as MarketType,
      sector: str(r, 'sector') as Sector,
      location: str(r, 'location') as CostLocation,
      weeklyCostGbp: num(r, 'weekly_cost_gbp'),
      priceYear: num(r, 'price_year'),
      laCode: str(r, 'la_code'),
      ...source(r),
      ...status(r),
    },
    file: r.file,
    line: r.line,
  }));
  const costs: CostRow[] | null = costRes === null ? null : costsAt.map((c) => c.row);
  if (costs !== null && costRes !== null && costRes.complete && placementRes?.complete && !costRes.rows.some((r) => r.parsed === null)) {
    // A placement is priced by its LA's own row or, failing that, the all-Wales row.
    const costed = new Set(costs.map((c) => `${c.placementType}|${c.sector}|${c.location}|${c.laCode ?? ''}`));
    const uncosted = new Map<string, number>();
    for (const row of placements) {
      if (!isMarketType(row.placementType) || row.sector === null || row.host === null || row.children === 0) continue;
      const k = `${row.placementType}|${row.sector}|${row.host === OUTSIDE_WALES ? 'outside_wales' : 'in_wales'}`;
      if (!costed.has(`${k}|`) && !costed.has(`${k}|${row.laCode}`)) uncosted.set(k, (uncosted.get(k) ?? 0) + row.children);
    }
    for (const [k, n] of [...uncosted].sort(([a], [b]) => compareText(a, b))) {
      const [type, sector, location] = k.split('|');
      warn(costRes.files[0], null, null, `no cost for ${sector} ${type} ${location}: placements hold ${n} such children, so cost_gbp will be empty for their areas`);
    }
  }

  // --- flows: observed years only; the scenario's entries_change states the future.
  const flowRes = all.get('flows') ?? null;
  const flowsAt: Array<Located<FlowRow>> = [];
  for (const r of ok(flowRes)) {
    const year = num(r, 'year');
    if (baseYear !== null && year >= baseYear) {
      error(r.file, r.line, 'year', `expected a financial year before ${baseYear} (flows are observed: the year ${baseYear - 1}-${String(baseYear % 100).padStart(2, '0')} ends on the base date ${baseDate}), found "${r.raw.year}"`);
      continue;
    }
    flowsAt.push({ row: { laCode: str(r, 'la_code')!, year, started: num(r, 'started'), ceased: num(r, 'ceased'), ...source(r), ...status(r) }, file: r.file, line: r.line });
  }
  const flows: FlowRow[] | null = flowRes === null ? null : flowsAt.map((f) => f.row);

  // --- external_placements: other authorities' children at the dataset's providers (docs/model.md §4.3).
  const externalRes = all.get('external_placements') ?? null;
  const externalPlacements: ExternalPlacementRow[] = [];
  const externalAt: Array<Located<ExternalPlacementRow>> = [];
  for (const r of ok(externalRes)) {
    const row: ExternalPlacementRow = {
      host: str(r, 'host')!,
      placementType: str(r, 'placement_type') as MarketType,
      sector: str(r, 'sector') as Sector,
      children: num(r, 'children'),
      providerId: str(r, 'provider_id'),
      placingAuthority: str(r, 'placing_authority'),
      ...source(r),
    };
    externalPlacements.push(row);
    externalAt.push({ row, file: r.file, line: r.line });
  }

  // --- Children against places, and the plausibility of every figure (docs/methodology.md, "Checks on the data").
  problems.push(
    ...checkCapacity({
      placements: placements.map((row) => ({ row, file: placementRowOf.get(row)!.file, line: placementRowOf.get(row)!.line })),
      external: externalAt,
      providers: providerRes === null ? null : providers,
      providersTainted,
      packageFile,
      label,
    }),
  );

  if (baseYear === null) return done(null);
  problems.push(
    ...checkPlausibility({
      nation,
      baseYear,
      las: lasAt,
      demand: demandAt,
      providers: providerRes === null || providersTainted ? null : providersAt,
      strategies: strategiesAt,
      costs: costsAt,
      flows: flowsAt,
      external: externalAt,
      resolveLa: (text) => ctx.resolveLa?.(text) ?? null,
      label,
    }),
  );
  return done({
    localAuthorities,
    placements,
    providers,
    demandHistory,
    strategies,
    costs,
    ...(flows !== null ? { flows } : {}),
    ...(nationHistory.length > 0 ? { nationHistory } : {}),
    ...(externalRes !== null ? { externalPlacements } : {}),
    baseYear,
    regions,
    nation,
  });
}

/** Loads a dataset or throws InputError listing every problem (warnings included) when any is an error. */
export async function loadDatasetOrThrow(dir: string): Promise<{ dataset: Dataset; warnings: Problem[]; files: string[] }> {
  const { dataset, problems, files } = await loadDataset(dir);
  if (dataset === null) throw new InputError(problems);
  return { dataset, warnings: problems.filter((p) => p.severity === 'warning'), files };
}

// ---------------------------------------------------------------------------------------------

interface ResourceEntry {
  name: string;
  paths: string[];
  line: number | null;
}

const descriptorSchema = z.object({
  resources: z.array(z.unknown(), { error: 'expected "resources": a list of {"name": …, "path": …}' }),
});
const resourceSchema = z.object({
  name: z.string({ error: 'expected a resource "name" (text)' }).min(1, { error: 'expected a resource "name", found ""' }),
  path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
    error: 'expected "path": a file name or a list of file names',
  }),
});

/** The resources a descriptor lists; problems with its shape are reported with their JSON path. */
function readDescriptor(descriptor: unknown, file: string, text: string, problems: Problem[]): ResourceEntry[] {
  const top = descriptorSchema.safeParse(descriptor);
  if (!top.success) {
    problems.push({ file, line: null, column: 'resources', message: top.error.issues[0].message, severity: 'error' });
    return [];
  }
  const entries: ResourceEntry[] = [];
  top.data.resources.forEach((res, i) => {
    const parsed = resourceSchema.safeParse(res);
    const name = typeof (res as { name?: unknown })?.name === 'string' ? (res as { name: string }).name : null;
    const line = name !== null ? lineOf(text, `"name"\\s*:\\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = [`resources[${i}]`, ...issue.path.map(String)].join('.');
        problems.push({ file, line, column: at, message: issue.message, severity: 'error' });
      }
      return;
    }
    entries.push({ name: parsed.data.name, paths: typeof parsed.data.path === 'string' ? [parsed.data.path] : parsed.data.path, line });
  });
  return entries;
}

const nationSchema = z.object({
  code: z
    .string({ error: 'expected "code": the nation\'s code as text, such as "E92000001"' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'expected "code": letters, digits, - and _ only, such as "E92000001"' }),
  name: z
    .string({ error: 'expected "name": the nation\'s name as text, such as "England"' })
    .trim()
    .min(1, { error: 'expected "name": the nation\'s name, found an empty text' }),
  la_codes: z
    .array(z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'expected LA codes: letters, digits, - and _ only, such as "W06000015"' }), {
      error: 'expected "la_codes": a list of the nation\'s LA codes, such as ["W06000001", "W06000002"]',
    })
    .optional(),
});

function readNation(descriptor: unknown, file: string, text: string, problems: Problem[]): Nation {
  const given = (descriptor as { nation?: unknown } | null)?.nation;
  if (given === undefined) return WALES;
  const parsed = nationSchema.safeParse(given);
  if (parsed.success) return { code: parsed.data.code, name: parsed.data.name, ...(parsed.data.la_codes === undefined ? {} : { laCodes: parsed.data.la_codes }) };
  const line = lineOf(text, '"nation"\\s*:');
  const issue = parsed.error.issues[0];
  const message =
    issue.path.length === 0
      ? 'expected "nation": {"code": "E92000001", "name": "England"} (or leave it out for Wales, W92000004)'
      : issue.message;
  problems.push({ file, line, column: ['nation', ...issue.path.map(String)].join('.'), message, severity: 'error' });
  return WALES;
}

/**
 * The regions local_authorities names, in output order: each region ordered by the least code of its
 * LAs (code point order), so the order never depends on the order of rows; for the Wales data that
 * is the order of docs/model.md §3.1 (north-wales W06000001 … powys W06000023). A region's name is the
 * spelling of its first LA (by code): spellings that differ only in case, accents or punctuation are
 * one region.
 */
export function regionsOf(las: ReadonlyArray<{ code: string; slug: string; name: string }>): Region[] {
  const first = new Map<string, { code: string; name: string }>();
  for (const la of las) {
    const seen = first.get(la.slug);
    if (seen === undefined || compareText(la.code, seen.code) < 0) first.set(la.slug, { code: la.code, name: la.name });
  }
  return [...first]
    .sort(([, a], [, b]) => compareText(a.code, b.code))
    .map(([slug, { name }]) => ({ slug, name }));
}

function lineOf(text: string, pattern: string): number | null {
  const m = new RegExp(pattern).exec(text);
  return m ? text.slice(0, m.index).split('\n').length : null;
}

/** LAs (as codes) with at least one row of the resource that failed its schema. */
function taintedLas(res: ResourceRows | null, ctx: RowContext): Set<string> {
  const out = new Set<string>();
  for (const r of res?.rows ?? []) {
    if (r.parsed !== null) continue;
    const la = ctx.resolveLa?.(r.raw.la_code ?? '');
    if (la) out.add(la.code);
  }
  return out;
}

function source(r: Row): { source?: string } {
  const s = r.parsed?.source;
  return typeof s === 'string' && s !== '' ? { source: s } : {};
}

function status(r: Row): { status?: FigureStatus } {
  const s = r.parsed?.status;
  return typeof s === 'string' && s !== '' ? { status: s as FigureStatus } : {};
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

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
