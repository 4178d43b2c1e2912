// `sufficiency template --scenario FILE`: a commented scenario extending `central` (the text comes
// from src/scenario/template.ts, with central's own values), written atomically, never over the tool's own scenarios or data,
// nor over an existing file unless --force.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { canonicalPath, writeFileAtomic } from '../../io/atomic.js';
import { DEFAULT_DATA_DIR, DEFAULT_SCENARIOS_DIR } from '../../common/paths.js';
import { centralValues, scenarioTemplate } from '../../scenario/template.js';
import { loadInputs } from '../pipeline.js';

const YAML_FILE = /\.ya?ml$/i;

/** Writes the template to `file`; returns what to tell the user. */
export async function writeScenarioTemplate(file: string, opts: { force?: boolean }): Promise<string> {
  if (!YAML_FILE.test(file)) throw new UsageError(`template --scenario: expected a file name ending .yaml or .yml (the tool reads only those as scenarios), found "${file}"`);
  const target = canonicalPath(file);
  for (const [dir, what] of [
    [DEFAULT_SCENARIOS_DIR, 'the shipped scenarios'],
    [DEFAULT_DATA_DIR, 'the shipped data'],
  ] as const) {
    const rel = path.relative(canonicalPath(dir), target);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) throw new UsageError(`template --scenario: refusing to write ${file}: it is among ${what}, an input of every run; write it in your own folder`);
  }
  const exists = await lstat(file).then(
    () => true,
    () => false,
  );
  if (exists && !opts.force) throw new UsageError(`template --scenario: ${file} exists; choose a new name or add --force to replace it`);
  const name = path.basename(file).replace(YAML_FILE, '');
  // The shipped central on the shipped data: its values stand after the keys it sets.
  const { scenarios } = await loadInputs(DEFAULT_DATA_DIR, DEFAULT_SCENARIOS_DIR, ['central']);
  await writeFileAtomic(file, scenarioTemplate(name, centralValues(scenarios[0].parameters)));
  return `${file}: wrote a scenario that extends central and changes nothing yet; uncomment what you change, then run: sufficiency validate --scenario ${file}\n`;
}
