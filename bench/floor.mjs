// The floor under `project --scenario central` (bench/run.mjs bundles this file with esbuild, as the
// CLI is bundled, and times it beside bare Node): the libraries the developers' guide names read what
// that command reads, and nothing else runs. commander is loaded; csv-parse reads every CSV the data
// package lists (datapackage.json) with the loader's own options (CSV_OPTIONS of src/io/csv.ts, the
// one piece of our code it loads); yaml parses central.yaml and the two it extends, with line
// numbers, as the scenario loader does (src/scenario/yaml.ts). No cell is checked, no scenario
// resolved, no zod, no model, no output: what any reader of the same files must pay.
//
//   node bench/floor.mjs DATA_DIR SCENARIOS_DIR
import { readFileSync } from 'node:fs';
import path from 'node:path';
import 'commander';
import { parse } from 'csv-parse/sync';
import { LineCounter, parseDocument } from 'yaml';
import { CSV_OPTIONS } from '../dist/io/csv.js';

const [dataDir, scenariosDir] = process.argv.slice(2);
let records = 0;
const resources = JSON.parse(readFileSync(path.join(dataDir, 'datapackage.json'), 'utf8')).resources;
for (const f of resources.flatMap((r) => r.path)) {
  const rows = parse(readFileSync(path.join(dataDir, f)), { ...CSV_OPTIONS, bom: true });
  records += rows.length;
}
for (const name of ['central', 'eliminate-act', 'baseline']) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path.join(scenariosDir, `${name}.yaml`), 'utf8'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw doc.errors[0];
}
if (records === 0) throw new Error(`no CSV records in ${dataDir}`);
