// Reading a scenario: its file and every file it `extends`, merged root first, then checked whole
// (schema.ts), every problem at once (docs/model.md §5; docs/methodology.md, "Writing a scenario").
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScenarioError, type Problem } from '../errors.js';
import type { Dataset } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';
import { DEFAULT_SCENARIOS_DIR } from '../common/paths.js';
import { isParameterObject, isPlainObject, show, valueAt } from './params.js';
import { sortProblems } from '../errors.js';
import { displayPath } from './display-path.js';
import { problemAt, toProblem } from './problems.js';
import { REGISTRY } from './registry.js';
import { checkAssumptions, checkScenario } from './schema.js';
import { horizonEnd, pastHorizon } from './horizon.js';
import { readFinancialYearValues } from './year-values.js';
import { readScenarioFile, type ScenarioFile } from './yaml.js';

export interface Assumption {
  id: string;
  text: string;
  source?: string;
  owner?: string;
  /** The parameters it is about: when an extending scenario sets them all again, it is no longer in force. */
  covers?: string[];
}

export interface Checked {
  file: string;
  chain: ScenarioFile[];
  merged: Record<string, unknown>;
  byId: Map<string, Assumption>;
  /** Every problem, errors and warnings (throws a ScenarioError instead when there is an error). */
  found: Problem[];
}

/** The scenarios of a folder (every `*.yaml`), sorted by name; titles follow `extends` when a file has none. */
export async function listScenarios(dir: string): Promise<Array<{ name: string; title: string; file: string }>> {
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const out: Array<{ name: string; title: string; file: string }> = [];
  for (const entry of entries) {
    const file = path.resolve(dir, entry);
    const { parsed } = await readScenarioFile(file, displayPath(file)).catch(() => ({ parsed: null }));
    const data = parsed && isPlainObject(parsed.data) ? parsed.data : {};
    const name = typeof data.name === 'string' && data.name !== '' ? data.name : stem(file);
    out.push({ name, title: await titleOf(file, data, new Set([file]), dir), file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function titleOf(file: string, data: Record<string, unknown>, seen: Set<string>, scenariosDir: string): Promise<string> {
  if (typeof data.title === 'string') return data.title;
  if (typeof data.extends !== 'string') return '';
  const parent = (await resolveExtends(file, data.extends, scenariosDir)).file;
  if (parent === null || seen.has(parent)) return '';
  seen.add(parent);
  const { parsed } = await readScenarioFile(parent, displayPath(parent)).catch(() => ({ parsed: null }));
  return parsed && isPlainObject(parsed.data) ? titleOf(parent, parsed.data, seen, scenariosDir) : '';
}

const YAML_FILE = /\.ya?ml$/i;

/** Whether a reference (`--scenario`, `extends`) is a path rather than a name. */
function isPathRef(ref: string): boolean {
  return ref.includes('/') || ref.includes(path.sep) || path.extname(ref) !== '';
}

/** Reads the file and everything it extends, merges, checks (against the dataset when there is one). */
export async function readAndCheck(ref: string, scenariosDir: string, dataset: Dataset | null, missingData: 'error' | 'warning' = 'error'): Promise<Checked> {
  const file = await scenarioFileOf(ref, scenariosDir);
  const { chain, problems } = await readChain(file, scenariosDir);
  if (problems.length > 0) throw new ScenarioError(sortProblems(problems));
  const { merged, byId, assumptionIssues } = mergeChain(chain);
  const single = asLists(merged);
  const issues = checkScenario(merged, dataset, missingData);
  const horizonTo = horizonEnd(merged, dataset?.baseYear ?? null);
  if (horizonTo !== null) issues.push(...pastHorizon(merged, horizonTo));
  const found: Problem[] = sortProblems([...assumptionIssues, ...issues.map((iss) => toProblem(iss, chain, single))]);
  if (dataset !== null && found.some((p) => p.severity === 'error')) throw new ScenarioError(found);
  return { file, chain, merged, byId, found };
}

/** The file `ref` names: a name (scenariosDir/<ref>.yaml) or a path to a .yaml file; a ScenarioError when there is none. */
async function scenarioFileOf(ref: string, scenariosDir: string): Promise<string> {
  const isPath = isPathRef(ref);
  const file = isPath ? path.resolve(ref) : path.resolve(scenariosDir, `${ref}.yaml`);
  // Only scenario files are read: a path to anything else is refused unread, so that no other file's
  // contents can ever be echoed in a message.
  if (isPath && !YAML_FILE.test(ref)) {
    throw new ScenarioError([{ file: displayPath(file), line: null, column: null, message: `expected a scenario name or a path to a .yaml or .yml file, found "${ref}"`, severity: 'error' }]);
  }
  if (await isFile(file)) return file;
  let message = `no scenario file ${displayPath(file)}`;
  if (!isPath) {
    message = `no scenario named "${ref}" in ${displayPath(scenariosDir)}`;
    const names = await listScenarios(scenariosDir).then((l) => l.map((s) => s.name)).catch(() => [] as string[]);
    const hint = suggestAmong(ref, names);
    if (hint) message += `; ${hint}`;
    else if (names.length > 0) message += ` (there are: ${names.join(', ')})`;
  }
  throw new ScenarioError([{ file: displayPath(file), line: null, column: null, message, severity: 'error' }]);
}

/** The file and everything it extends, child first, with the problems of reading them. */
async function readChain(file: string, scenariosDir: string): Promise<{ chain: ScenarioFile[]; problems: Problem[] }> {
  const chain: ScenarioFile[] = [];
  const problems: Problem[] = [];
  let current = file;
  for (;;) {
    const { parsed, problems: syntax } = await readScenarioFile(current, displayPath(current));
    problems.push(...syntax);
    if (!parsed) break;
    chain.push(parsed);
    if (!isPlainObject(parsed.data)) {
      // Says what was found, never what it says: the file may not be a scenario at all.
      problems.push(problemAt(parsed, [], `expected a map of scenario keys (name, title, demand, ...), found ${kindOf(parsed.data)}`));
      break;
    }
    problems.push(...readFinancialYearValues(parsed));
    const next = await extendedFile(parsed, chain, scenariosDir, problems);
    if (next === null) break;
    current = next;
  }
  return { chain, problems };
}

/** The file `parsed` extends, or null when it extends none or the reference is wrong (a problem says why). */
async function extendedFile(parsed: ScenarioFile, chain: ScenarioFile[], scenariosDir: string, problems: Problem[]): Promise<string | null> {
  const ext = (parsed.data as Record<string, unknown>).extends;
  if (ext === undefined || ext === null) return null;
  const refuse = (message: string): null => {
    problems.push(problemAt(parsed, ['extends'], `extends: ${message}`));
    return null;
  };
  if (typeof ext !== 'string' || ext === '') return refuse(`expected the name or path of another scenario, found ${show(ext)}`);
  if (isPathRef(ext) && !YAML_FILE.test(ext)) return refuse(`expected the name of a scenario or a path to a .yaml or .yml file, found "${ext}"`);
  const { file: next, tried } = await resolveExtends(parsed.file, ext, scenariosDir);
  if (next === null) return refuse(tried.length === 1 ? `no scenario file ${displayPath(tried[0])} for "${ext}"` : `no scenario "${ext}" (looked for ${tried.map(displayPath).join(', ')})`);
  const cycleAt = chain.findIndex((c) => c.file === next);
  if (cycleAt >= 0) return refuse(`a cycle: ${[...chain.slice(cycleAt).map((c) => c.shown), displayPath(next)].join(' -> ')}`);
  return next;
}

/**
 * Merge: root first, each child over it. The name is never inherited. The assumptions log is the one
 * list that accumulates, holding only what is in force (docs/model.md §5): each file's entries are
 * checked in that file, then combined by id (a child's entry replaces its parent's entry of the same
 * id); an inherited entry whose `covers:` parameters the child all sets again is dropped, since the
 * child's values, not the parent's, are in force there.
 */
function mergeChain(chain: ScenarioFile[]): { merged: Record<string, unknown>; byId: Map<string, Assumption>; assumptionIssues: Problem[] } {
  let merged: Record<string, unknown> = {};
  const assumptionIssues: Problem[] = [];
  const byId = new Map<string, Assumption>();
  for (let i = chain.length - 1; i >= 0; i--) {
    const own = { ...(chain[i].data as Record<string, unknown>) };
    if (i > 0) delete own.name;
    for (const [id, a] of byId) if (a.covers !== undefined && a.covers.length > 0 && a.covers.every((c) => valueAt(own, c.split('.')) !== undefined)) byId.delete(id);
    if ('assumptions' in own) {
      const issues = checkAssumptions(own.assumptions);
      assumptionIssues.push(...issues.map((iss) => toProblem(iss, [chain[i]], new Set())));
      if (issues.length === 0) for (const a of own.assumptions as Assumption[]) byId.set(a.id, { ...a });
      delete own.assumptions;
    }
    merged = mergeScenario(merged, own) as Record<string, unknown>;
  }
  delete merged.extends;
  return { merged, byId, assumptionIssues };
}

/**
 * A list that may be written as its one item (`mix_shift: {from, to, share}`) becomes a list of it;
 * returns the lists so written, whose messages keep the path as written, without the [0].
 */
function asLists(merged: Record<string, unknown>): Set<string> {
  const single = new Set<string>();
  for (const row of REGISTRY) {
    if (row.kind !== 'list' || !row.singleItem || !isPlainObject(merged[row.path])) continue;
    merged[row.path] = [merged[row.path]];
    single.add(row.path);
  }
  return single;
}

/** What a value is, without quoting it. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return 'text';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/**
 * The file that `extends: ext` in `from` names (docs/methodology.md, "Writing a scenario"): a value
 * with a `/` or ending in .yaml is a path relative to `from`; a name is NAME.yaml beside `from`, else
 * the scenario NAME of the scenarios folder, else the shipped scenario NAME, never `from` itself, so
 * that an analyst's own `central.yaml` can extend the shipped `central`. `tried` lists the files
 * looked for, for the message when none is there.
 */
export async function resolveExtends(from: string, ext: string, scenariosDir: string): Promise<{ file: string | null; tried: string[] }> {
  const dir = path.dirname(from);
  if (ext.includes('/') || YAML_FILE.test(ext)) {
    const file = path.resolve(dir, ext);
    return { file: (await isFile(file)) ? file : null, tried: [file] };
  }
  const candidates = [...new Set([dir, path.resolve(scenariosDir), DEFAULT_SCENARIOS_DIR].map((d) => path.resolve(d, `${ext}.yaml`)))].filter((f) => f !== from);
  for (const file of candidates) if (await isFile(file)) return { file, tried: candidates };
  return { file: null, tried: candidates };
}

/** Maps merge deeply; lists, year maps, distributions and `{value, source}` replace; null replaces. */
export function mergeScenario(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over) && !isParameterObject(base) && !isParameterObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeScenario(base[k], v) : v;
    return out;
  }
  return over;
}

export function stem(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/, '');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
