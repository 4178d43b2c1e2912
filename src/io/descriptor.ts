// The data package's descriptor, datapackage.json (docs/model.md §3): the resources it lists, from
// which files, and the nation it names (docs/model.md §3.1). A descriptor that cannot be read stops
// the load; a resource listed wrongly is reported and the rest read on.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../common/zod.js';
import type { Nation } from '../model/types.js';
import { readDataFile } from './data-file.js';
import { WALES } from '../common/wales-las.js';
import { suggestAmong } from '../common/la-names.js';
import { RESOURCES, RESOURCE_NAMES, isResourceName, type ResourceName } from './schemas.js';
import type { LoadProblems } from './load-problems.js';

/** The files a resource is read from, and the descriptor's line that lists it. */
export interface Listing {
  paths: string[];
  line: number | null;
}

export interface DataPackage {
  /** The package folder as messages show it. */
  shownDir: string;
  /** The descriptor as messages show it. */
  file: string;
  nation: Nation;
  /** The resources listed, known ones only. */
  listed: Map<ResourceName, Listing>;
}

const PACKAGE_FILE = 'datapackage.json';
/** A descriptor lists files; 1 MiB is far more than any needs (the Wales one is 4 KiB). */
const MAX_DESCRIPTOR_BYTES = 1024 * 1024;

/**
 * Reads the descriptor of the package in `dir` (shown as `shownDir`) and adds it to `files`; null when
 * the load cannot go on (no folder, no descriptor, not JSON).
 */
export async function readPackage(dir: string, shownDir: string, problems: LoadProblems, files: string[]): Promise<DataPackage | null> {
  const packageFile = path.join(shownDir, PACKAGE_FILE);
  const dirStat = await stat(dir).catch(() => null);
  if (dirStat === null || !dirStat.isDirectory()) {
    problems.error(shownDir, null, null, dirStat === null ? 'no such folder: expected a data package folder holding datapackage.json' : 'expected a data package folder, found a file');
    return null;
  }
  const read = await readDataFile(packageFile, shownDir, MAX_DESCRIPTOR_BYTES);
  if ('message' in read) {
    const missing = read.message.startsWith('file not found');
    problems.error(packageFile, read.line ?? null, null, missing ? 'file not found: a dataset folder needs a datapackage.json listing its resources (`sufficiency template DIR` writes one)' : read.message);
    return null;
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
    problems.error(packageFile, line, null, `expected valid JSON, found a syntax error (${msg})`);
    return null;
  }
  const entries = readDescriptor(descriptor, packageFile, text, problems);
  const nation = readNation(descriptor, packageFile, text, problems);
  return { shownDir, file: packageFile, nation, listed: listResources(entries, packageFile, problems) };
}

/** The known resources of the descriptor's entries: unknown ones warn, one listed twice or a required one missing is an error. */
function listResources(entries: readonly ResourceEntry[], packageFile: string, problems: LoadProblems): Map<ResourceName, Listing> {
  const listed = new Map<ResourceName, Listing>();
  for (const entry of entries) {
    if (!isResourceName(entry.name)) {
      const hint = suggestAmong(entry.name, RESOURCE_NAMES);
      problems.warn(packageFile, entry.line, null, `unknown resource "${entry.name}" is ignored (known: ${RESOURCE_NAMES.join(', ')})${hint ? `; ${hint}` : ''}`);
      continue;
    }
    if (listed.has(entry.name)) {
      problems.error(packageFile, entry.line, null, `resource "${entry.name}" is listed twice (first at line ${listed.get(entry.name)!.line ?? '?'}); list its files as one "path" array instead`);
      continue;
    }
    listed.set(entry.name, { paths: entry.paths, line: entry.line });
  }
  for (const name of RESOURCE_NAMES) {
    if (RESOURCES[name].required && !listed.has(name)) {
      problems.error(packageFile, null, null, `missing resource "${name}": every dataset needs local_authorities, placements and demand_history`);
    }
  }
  return listed;
}

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
function readDescriptor(descriptor: unknown, file: string, text: string, problems: LoadProblems): ResourceEntry[] {
  const top = descriptorSchema.safeParse(descriptor);
  if (!top.success) {
    problems.error(file, null, 'resources', top.error.issues[0].message);
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
        problems.error(file, line, at, issue.message);
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

function readNation(descriptor: unknown, file: string, text: string, problems: LoadProblems): Nation {
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
  problems.error(file, line, ['nation', ...issue.path.map(String)].join('.'), message);
  return WALES;
}

function lineOf(text: string, pattern: string): number | null {
  const m = new RegExp(pattern).exec(text);
  return m ? text.slice(0, m.index).split('\n').length : null;
}
