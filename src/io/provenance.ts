// Provenance (docs/model.md §6): what a result was made from, so that a figure in a budget paper can
// be traced and reproduced. It travels beside the data: in JSON's `meta`, and in FILE.meta.json next
// to any --out FILE. It holds no clock time unless asked (--timestamp), and no absolute paths, so two
// runs with the same inputs, scenario and seed give byte-identical files.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ParameterDifference } from '../scenario/differ.js';
import { VERSION } from '../version.js';

export interface InputFileHash {
  /** `data/<path in the dataset folder>`, `scenarios/<path in the scenarios folder>`, else relative to the working directory. */
  path: string;
  sha256: string;
}

export interface ScenarioProvenance {
  name: string;
  title: string;
  /** Hash of the scenario's resolved parameters (after `extends`), as the scenario loader computes it. */
  parameter_hash: string;
  assumptions: unknown[];
  /** Every parameter in force, with its source. */
  parameters: unknown[];
  /** Placement choice (docs/model.md §4.3) only: its parameters per market type, and whether they were fitted. */
  placement_choice?: unknown;
}

export interface Meta {
  tool: 'sufficiency';
  version: string;
  command: string;
  scenarios: ScenarioProvenance[];
  options: Record<string, string | number | boolean | string[] | null>;
  runs: number;
  seed: number;
  /** What is random in the runs (docs/methodology.md "Monte Carlo figures"); empty when nothing is. */
  random: string[];
  /** What the figures are, in words: the mean of how many runs, or one draw, or one run of a fixed scenario. */
  figures: string;
  inputs: InputFileHash[];
  warnings: string[];
  /** diff only: the parameters that differ between its two scenarios once extends is resolved, in registry order. */
  parameters_that_differ?: ParameterDifference[];
  generated_at?: string;
  /** In FILE.meta.json only: the file it describes (its name beside the sidecar) and that file's SHA-256. */
  output?: { path: string; sha256: string };
}

export interface InputRoots {
  dataDir: string;
  scenariosDir: string;
}

/** A stable, machine-independent name for an input file. */
export function inputLabel(file: string, roots: InputRoots): string {
  const abs = path.resolve(file);
  for (const [label, dir] of [
    ['data', roots.dataDir],
    ['scenarios', roots.scenariosDir],
  ] as const) {
    const rel = path.relative(path.resolve(dir), abs);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return `${label}/${rel.split(path.sep).join('/')}`;
  }
  const rel = path.relative(process.cwd(), abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(abs) : rel).split(path.sep).join('/');
}

export async function sha256File(file: string): Promise<string> {
  return sha256Hex(await fs.readFile(file));
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of every input file, named by inputLabel, sorted by name, each file once. */
export async function hashInputs(files: readonly string[], roots: InputRoots): Promise<InputFileHash[]> {
  const unique = [...new Set(files.map((f) => path.resolve(f)))];
  const out = await Promise.all(unique.map(async (f) => ({ path: inputLabel(f, roots), sha256: await sha256File(f) })));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What a command gives buildMeta: the fields of Meta it knows, and whether to record the time. */
export type MetaParts = Pick<Meta, 'command' | 'scenarios' | 'options' | 'runs' | 'seed' | 'random' | 'figures' | 'inputs' | 'warnings'> & { timestamp: boolean };

/** The provenance, its keys always in this order (the JSON is compared byte for byte between runs). */
export function buildMeta(parts: MetaParts): Meta {
  const meta: Meta = {
    tool: 'sufficiency',
    version: VERSION,
    command: parts.command,
    scenarios: parts.scenarios,
    options: parts.options,
    runs: parts.runs,
    seed: parts.seed,
    random: parts.random,
    figures: parts.figures,
    inputs: parts.inputs,
    warnings: parts.warnings,
  };
  if (parts.timestamp) meta.generated_at = new Date().toISOString();
  return meta;
}

export function metaJson(meta: Meta): string {
  return JSON.stringify(meta, null, 2) + '\n';
}
