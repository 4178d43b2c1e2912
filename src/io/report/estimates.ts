// Which of the dataset's figures are estimated rather than published, for the report's note: the
// model reads numbers only, so the `status` column of each resource (published / estimated) is read
// here, beside the dataset, from the same files. A dataset without a status column says nothing
// about its estimates, and the report says so.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsvFile } from '../csv.js';

export interface ResourceEstimates {
  resource: string;
  rows: number;
  estimated: number;
}

export interface BaseEstimate {
  laCode: string;
  children: number;
  source: string;
}

export interface DataEstimates {
  /** The dataset as a reader names it: its package name and version (`wales 2024.1`), never a path. */
  label: string;
  /** Resources with a status column, in datapackage order. */
  resources: ResourceEstimates[];
  /** demand_history rows at the base date marked estimated. */
  base: BaseEstimate[];
  /** placements rows (base-date children by placing LA) marked estimated: what a plan notes for its LA. */
  placements: BaseEstimate[];
  /** Ids of the providers whose row is estimated: synthetic providers, not real ones. */
  providers: string[];
}

interface PackageResource {
  name?: string;
  path?: string | string[];
}

export async function readEstimates(dataDir: string, baseYear: number): Promise<DataEstimates> {
  const pkg = JSON.parse(await readFile(path.join(dataDir, 'datapackage.json'), 'utf8')) as { name?: string; version?: string; resources?: PackageResource[] };
  const resources: ResourceEstimates[] = [];
  const base: BaseEstimate[] = [];
  const placements: BaseEstimate[] = [];
  const providers: string[] = [];
  for (const r of pkg.resources ?? []) {
    if (!r.name || !r.path) continue;
    const files = Array.isArray(r.path) ? r.path : [r.path];
    let rows = 0;
    let estimated = 0;
    let hasStatus = false;
    for (const f of files) {
      const { table } = await readCsvFile(path.join(dataDir, f), dataDir);
      if (table === null || !table.header.includes('status')) continue;
      hasStatus = true;
      for (const rec of table.records) {
        rows += 1;
        const isEstimate = rec.values.status?.trim().toLowerCase() === 'estimated';
        if (isEstimate) estimated += 1;
        if (isEstimate && r.name === 'demand_history' && rec.values.as_at === `${baseYear}-03-31`) {
          base.push({ laCode: rec.values.la_code, children: Number(rec.values.children), source: [rec.values.source, rec.values.note].filter((s) => s).join('; ') });
        }
        if (isEstimate && r.name === 'providers' && rec.values.provider_id) providers.push(rec.values.provider_id);
        if (isEstimate && r.name === 'placements') placements.push({ laCode: rec.values.la_code, children: Number(rec.values.children), source: rec.values.source ?? '' });
      }
    }
    if (hasStatus) resources.push({ resource: r.name, rows, estimated });
  }
  const label = [pkg.name ?? path.basename(path.resolve(dataDir)), pkg.version].filter((x) => x).join(' ');
  return { label, resources, base, placements, providers };
}
