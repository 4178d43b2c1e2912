// `sufficiency template DIR`: a blank commissioning-strategy data package for an LA to fill in.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_DATA_DIR } from '../../common/paths.js';
import { displayPath } from '../../scenario/display-path.js';
import { helpAfter } from '../help.js';
import { langOption, parseLang } from '../lang.js';

interface TemplateOptions {
  force?: boolean;
  from: string;
  lang?: string;
  scenario?: string;
}

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('write a blank commissioning-strategy data package (CSV files with headers, one commented example row, Table Schemas), or with --scenario a commented scenario that extends central')
    .argument('[dir]', 'folder to write (created if needed; must be empty unless --force)')
    .option('--scenario <file>', 'write a scenario template to FILE (.yaml) instead: every key, commented with its meaning, kind and default')
    .option('--force', 'write into a folder that is not empty, replacing the template\'s own files there (with --scenario: replace FILE)')
    .addOption(
      new Option('--from <dir>', 'copy local_authorities from this dataset').default(DEFAULT_DATA_DIR, 'the embedded Wales data, data/wales'),
    )
    .addOption(langOption('the line that lists the files written (the files are the same in both)'))
    .addHelpText(
      'after',
      helpAfter(`
The folder gets datapackage.json (every resource with its Table Schema), one CSV per resource,
<resource>.schema.json files and a README.md on how to fill it in. local_authorities.csv is
filled with the LAs of the dataset it copies from (the 22 Welsh LAs by default): keep the LAs
your data covers (your LA, or your region's) and delete the others. The other CSVs hold a
header row and one example line starting with "# " (a comment: the tool skips it). Check the
result with \`sufficiency validate --data DIR\`.

With --scenario FILE it writes instead a scenario (YAML) that extends the shipped central and
changes nothing yet: every key a scenario may set is below it as a comment saying what it means,
its kind and units and its default. Uncomment what you change; it validates as written.

Examples:
  $ sufficiency template --scenario my-scenario.yaml
  $ sufficiency template cardiff-strategy
  $ sufficiency validate --data cardiff-strategy
  $ sufficiency template ./out/blank --force
`),
    )
    .action(async (dir: string | undefined, opts: TemplateOptions) => {
      const lang = parseLang(opts.lang ?? 'en');
      if (opts.scenario !== undefined) {
        if (dir !== undefined) throw new UsageError('template: give a folder (a data package) or --scenario FILE (a scenario), not both');
        const { writeScenarioTemplate } = await import('./template-scenario.js');
        process.stdout.write(await writeScenarioTemplate(opts.scenario, opts));
        return;
      }
      if (dir === undefined) throw new UsageError('template: missing the folder to write (or --scenario FILE for a scenario template)');
      const written = await writeTemplate(dir, opts);
      const { commandLabel } = await import('../../i18n/command-labels.js');
      process.stdout.write(commandLabel(lang, 'template.wrote', { dir: written.dir, files: written.files.join(', ') }) + '\n');
      // A --from folder that is not a dataset would otherwise give a blank LA table without a word.
      if (!written.lasCopied) process.stderr.write(`sufficiency: warning: --from ${opts.from}: no local_authorities file found there, so local_authorities.csv holds only a commented example row\n`);
    });
}

const EXAMPLE_NOTE = 'example: delete this line';

/** Writes the template into `dir`; returns the folder as shown and the files written. */
export async function writeTemplate(dir: string, opts: TemplateOptions): Promise<{ dir: string; files: string[]; lasCopied: boolean }> {
  const [{ RESOURCES, RESOURCE_NAMES, tableSchema }, { stringify }] = await Promise.all([import('../../io/schemas.js'), import('csv-stringify/sync')]);
  const target = path.resolve(dir);
  const source = path.resolve(opts.from);
  if (target === source) throw new UsageError(`template: refusing to write into ${displayPath(dir)}, the dataset it copies from`);
  const existing = await readdir(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    if (e.code === 'ENOTDIR') throw new UsageError(`template: ${displayPath(dir)} is a file, not a folder`);
    throw e;
  });
  if (existing.length > 0 && !opts.force) {
    throw new UsageError(`template: ${displayPath(dir)} is not empty (${existing.length} entr${existing.length === 1 ? 'y' : 'ies'}); choose an empty folder or add --force`);
  }
  await mkdir(target, { recursive: true });

  const { las, nation } = await sourcePackage(source);
  const out = new Map<string, string>();
  const resources = RESOURCE_NAMES.map((name) => {
    const spec = RESOURCES[name];
    const header = spec.fields.map((f) => f.name);
    if (name === 'local_authorities' && las !== null) {
      out.set(spec.defaultPath, las);
    } else {
      const example = spec.fields.map((f) =>
        f.name === 'note' || f.name === 'source' ? (f.example ? `${f.example}${f.example.includes(EXAMPLE_NOTE) ? '' : ` (${EXAMPLE_NOTE})`}` : EXAMPLE_NOTE) : f.example,
      );
      out.set(spec.defaultPath, stringify([header]) + '# ' + stringify([example]));
    }
    out.set(`${name}.schema.json`, JSON.stringify(tableSchema(name), null, 2) + '\n');
    return { name, path: spec.defaultPath, title: spec.title, description: spec.description, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: tableSchema(name) };
  });
  // The nation goes with the LAs it holds (docs/model.md §3.1): a template from an English dataset stays English.
  const descriptor = {
    name: 'commissioning-strategy',
    title: 'LA commissioning strategy (sufficiency data package)',
    profile: 'tabular-data-package',
    ...(nation !== undefined ? { nation } : {}),
    resources,
  };
  out.set('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
  out.set('README.md', readme(las !== null));

  // Every file is written under a temporary name first, then renamed: a failed run leaves no half-written file.
  const temps: Array<[string, string]> = [];
  try {
    for (const [name, text] of out) {
      const final = path.join(target, name);
      const temp = path.join(target, `.${name}.${process.pid}.tmp`);
      await writeFile(temp, text, 'utf8');
      temps.push([temp, final]);
    }
    for (const [temp, final] of temps) await rename(temp, final);
  } catch (err) {
    await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
    throw err;
  }
  return { dir: displayPath(dir), files: [...out.keys()], lasCopied: las !== null };
}

/** The local_authorities CSV of the dataset to copy from, as text (null if it has none), and its `nation` if it names one. */
async function sourcePackage(dataDir: string): Promise<{ las: string | null; nation: unknown }> {
  let rel = 'local_authorities.csv';
  let nation: unknown;
  try {
    const pkg = JSON.parse(await readFile(path.join(dataDir, 'datapackage.json'), 'utf8')) as {
      resources?: Array<{ name?: unknown; path?: unknown }>;
      nation?: unknown;
    };
    nation = pkg.nation;
    const res = pkg.resources?.find((r) => r.name === 'local_authorities');
    if (typeof res?.path === 'string') rel = res.path;
    else if (Array.isArray(res?.path) && typeof res.path[0] === 'string' && res.path.length === 1) rel = res.path[0];
  } catch {
    // No descriptor: try the usual file name.
  }
  // Only a file inside the dataset's folder is copied (docs/model.md §3): a path leading out of it is not read.
  const file = path.resolve(dataDir, rel);
  const inside = !path.relative(path.resolve(dataDir), file).startsWith('..') && !path.isAbsolute(rel);
  const las = inside ? await readFile(file, 'utf8').catch(() => null) : null;
  return { las, nation };
}

const LAS_FILLED = `- \`local_authorities.csv\` is filled with the LAs of the dataset it was made from (by default
  the 22 Welsh LAs). Keep the rows of the LAs your data covers and delete the others: your own LA,
  say, or your region's LAs. Every LA left in it needs its \`demand_history\` at the base date and
  placements adding up to it, so keep only those you have figures for. A host LA (where your children are placed, or your providers are) must stay
  too: if you leave out its own children, give it \`demand_history\` rows of 0. Scenarios that name
  an LA you deleted (the shipped scenarios open regional homes all over Wales) leave that row out
  with a warning; \`sufficiency validate\` lists them.
`;

const LAS_EMPTY = `- \`local_authorities.csv\`: one row per LA your data covers (code, English and Welsh name, region,
  centroid, area). Scenarios that name another Welsh LA leave that row out with a warning.
`;

function readme(lasFilled: boolean): string {
  return `# Commissioning strategy data package

A blank data package for \`sufficiency\` (a Frictionless Tabular Data Package: \`datapackage.json\`
lists each CSV with its Table Schema; the same schemas are in the \`*.schema.json\` files).

## How to fill it in

Open each CSV in Excel or a text editor and add one row per line under the header. Lines starting
with \`#\` are comments and are skipped: each file holds one commented example row; delete it or
leave it. Save as CSV (UTF-8); Excel's "CSV UTF-8" is fine.

${lasFilled ? LAS_FILLED : LAS_EMPTY}- \`placements.csv\`: children looked after at the base date (31 March) by placing LA, placement type,
  sector and host LA (\`OUTSIDE_WALES\` for placements outside Wales). kinship, parents, adoption,
  independent and other may leave sector and host empty.
- \`providers.csv\`: registered places in Wales at the base date, one row per provider, host LA and type.
- \`demand_history.csv\`: children looked after by each LA at past 31 Marches (\`as_at\` such as
  2024-03-31). The latest date is the base date; every LA in \`local_authorities.csv\` needs a row
  there, and its placements must add up to it (within 1%).
- \`strategies.csv\`: your planned changes: \`open\`, \`close\` or \`recruit\` places of a type and
  sector in a financial year (2027 = April 2027 to March 2028, "2027-28" also works), at a host LA
  (empty = your own LA).
- \`costs.csv\`: weekly cost of a placement by type, sector and location (\`in_wales\`, \`outside_wales\`)
  and the year of those prices.

LAs may be written as their code (for Wales the ONS code, W06000015), English name (Cardiff) or Welsh name (Caerdydd), in any
case, with or without accents. Numbers are plain: no thousands separators, no £ sign, no units.
Columns such as \`source\` and \`note\` are optional; extra columns are ignored.

\`providers\`, \`strategies\` and \`costs\` may stay empty. Check your work with:

    sufficiency validate --data THIS_FOLDER

It lists every problem as FILE:LINE:COLUMN with what was expected and what was found.
`;
}
