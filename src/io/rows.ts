// The rows of each resource (docs/model.md §3): its files read as one table, the columns a file must
// have, every cell against its column, keys that repeat, and a row's columns mapped onto the
// dataset's fields, all from the resource table (schemas.ts) (docs/methodology.md, "Checks on the data").
import path from 'node:path';
import { readCsvFile } from './csv.js';
import type { Located } from './capacity.js';
import { rowCheck, type ParsedRow, type RowContext } from './cells.js';
import type { DataPackage, Listing } from './descriptor.js';
import { fieldKey } from './fields.js';
import { editDistance, foldName } from '../common/la-names.js';
import type { LoadProblems } from './load-problems.js';
import { RESOURCES, RESOURCE_NAMES, requiredColumns, type ResourceName } from './schemas.js';

/** One CSV row of a resource, with where it came from and, if it passed its schema, its parsed values. */
export interface Row {
  file: string;
  line: number;
  raw: Record<string, string>;
  parsed: ParsedRow | null;
}

export interface ResourceRows {
  /** The files of the resource as listed (display paths). */
  files: string[];
  rows: Row[];
  /** False when a file could not be read whole (missing, columns missing, malformed records). */
  complete: boolean;
}

/** Every resource's rows, null for a resource the package does not list. */
export type ResourceTable = Record<ResourceName, ResourceRows | null>;

/** Reads every listed resource, in the order of RESOURCE_NAMES (local_authorities first), adding each file read to `files`. */
export async function readResources(pkg: DataPackage, problems: LoadProblems, files: string[]): Promise<ResourceTable> {
  const out: Partial<ResourceTable> = {};
  for (const name of RESOURCE_NAMES) {
    const listing = pkg.listed.get(name);
    out[name] = listing === undefined ? null : await readResource(name, listing, pkg, problems, files);
  }
  return out as ResourceTable;
}

async function readResource(name: ResourceName, listing: Listing, pkg: DataPackage, problems: LoadProblems, files: string[]): Promise<ResourceRows> {
  const out: ResourceRows = { files: [], rows: [], complete: true };
  const needed = requiredColumns(name);
  for (const rel of listing.paths) {
    if (path.isAbsolute(rel) || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.split(/[\\/]/).includes('..')) {
      problems.error(pkg.file, listing.line, null, `resource "${name}": expected a path inside the data package folder, found "${rel}"`);
      out.complete = false;
      continue;
    }
    const file = path.join(pkg.shownDir, rel);
    out.files.push(file);
    const { table, problems: csvProblems } = await readCsvFile(file, pkg.shownDir);
    problems.add(csvProblems);
    if (csvProblems.length > 0) out.complete = false;
    if (table === null) continue;
    files.push(path.resolve(file));
    if (table.header.length === 0) continue;
    const missing = needed.filter((c) => !table.header.includes(c));
    for (const col of missing) {
      problems.error(file, table.headerLine, null, `missing column "${col}": a ${name} file needs the columns ${needed.join(', ')}${renameHint(name, table.header, col)}`);
    }
    if (missing.length > 0) out.complete = false;
    if (missing.length > 0) continue; // rows of a file without its columns would only repeat the problem
    for (const r of table.records) out.rows.push({ file, line: r.line, raw: r.values, parsed: null });
  }
  return out;
}

/** A column of the header that is not the resource's and looks like the missing one, as a hint to rename it. */
function renameHint(name: ResourceName, header: readonly string[], col: string): string {
  const extra = header.filter((h) => !RESOURCES[name].fields.some((f) => f.name === h));
  const like = extra.find((h) => {
    const a = foldName(h);
    const b = foldName(col);
    return a !== '' && (a.includes(b) || b.includes(a) || editDistance(a, b) <= 2);
  });
  return like !== undefined ? ` (found "${like}": rename it "${col}")` : '';
}

/** Checks every row against its resource's columns, keeping the parsed values of rows that pass. */
export function checkCells(all: ResourceTable, ctx: RowContext, problems: LoadProblems): void {
  for (const name of RESOURCE_NAMES) {
    const res = all[name];
    if (res === null) continue;
    const check = rowCheck(name, ctx);
    for (const row of res.rows) {
      const result = check(row.raw);
      if ('parsed' in result) {
        row.parsed = result.parsed;
        continue;
      }
      for (const issue of result.issues) problems.error(row.file, row.line, issue.column, issue.message);
    }
  }
}

/** The rows that passed their schema. */
export function parsedRows(res: ResourceRows | null | undefined): Row[] {
  return res ? res.rows.filter((r) => r.parsed !== null) : [];
}

/** A parsed cell as text (numbers written as they read), null when empty. */
export function cellText(r: Row, column: string): string | null {
  const v = r.parsed![column];
  return v === null || v === undefined ? null : String(v);
}

/** Two rows of a resource with the same primary key (an empty cell read as the column it stands for) is an error on the second. */
export function checkDuplicateKeys(all: ResourceTable, problems: LoadProblems): void {
  for (const name of RESOURCE_NAMES) {
    const res = all[name];
    if (res === null) continue;
    const key = RESOURCES[name].primaryKey;
    const stands = key.map((c) => RESOURCES[name].fields.find((f) => f.name === c)?.emptyMeans ?? null);
    const first = new Map<string, Row>();
    for (const r of parsedRows(res)) {
      const k = key.map((c, i) => (cellText(r, c) ?? (stands[i] === null ? null : cellText(r, stands[i]))) ?? '').join('\u0000');
      const prev = first.get(k);
      if (prev === undefined) {
        first.set(k, r);
        continue;
      }
      const where = prev.file === r.file ? `line ${prev.line}` : `${prev.file} line ${prev.line}`;
      const values = key.map((c) => cellText(r, c) ?? '(empty)').join(', ');
      problems.error(r.file, r.line, null, `duplicate row: the same ${listWords(key)} (${values}) as ${where}`);
    }
  }
}

/** LAs (as codes) with at least one row of the resource that failed its schema. */
export function taintedLas(res: ResourceRows | null, ctx: RowContext): Set<string> {
  const out = new Set<string>();
  for (const r of res?.rows ?? []) {
    if (r.parsed !== null) continue;
    const la = ctx.resolveLa?.(r.raw.la_code ?? '');
    if (la) out.add(la.code);
  }
  return out;
}

/**
 * The resource's rows that passed their schema as the dataset's rows, each column filling the field
 * the resource table names (fields.ts `fieldKey`): an empty cell is null, left out (`omitWhenEmpty`)
 * or the value of the column it stands for (`emptyMeans`). `T` is the dataset's row type the
 * resource's columns make (docs/model.md §3).
 */
export function locatedRows<T>(name: ResourceName, rows: readonly Row[]): Array<Located<T>> {
  const toRow = rowMapper(name);
  return rows.map((r) => ({ row: toRow(r.parsed!) as T, file: r.file, line: r.line }));
}

/** The mapping of a parsed row onto the dataset's fields, built once per resource. */
export function rowMapper(name: ResourceName): (parsed: ParsedRow) => Record<string, string | number | null> {
  const columns = RESOURCES[name].fields.map((f) => ({ name: f.name, key: fieldKey(f), omit: f.omitWhenEmpty === true, stands: f.emptyMeans ?? null }));
  return (parsed) => {
    const out: Record<string, string | number | null> = {};
    for (const c of columns) {
      let v = parsed[c.name] ?? null;
      if (v === null && c.stands !== null) v = parsed[c.stands] ?? null;
      if (v === null && c.omit) continue;
      out[c.key] = v;
    }
    return out;
  };
}

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
