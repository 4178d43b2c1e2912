// `sufficiency scenarios`: the scenarios available, one line each, name first, then title.
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_SCENARIOS_DIR } from '../../common/paths.js';
import { helpAfter } from '../help.js';
import { langOption, parseLang } from '../lang.js';

interface ScenariosOptions {
  scenarios: string;
  lang: string;
}

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('list the scenarios available, one line each: name, then title')
    .addOption(new Option('--scenarios <dir>', 'folder of scenario YAML files').default(DEFAULT_SCENARIOS_DIR, "the project's scenarios/"))
    .addOption(langOption('the note when the folder holds no scenario (names and titles are the scenarios\' own)'))
    .addHelpText(
      'after',
      helpAfter(`
Each *.yaml file of the folder is one scenario; its name is its own \`name:\`, else the file's
name without .yaml. Use the name with --scenario (or give a path to any .yaml file). The format
is described in docs/scenarios.md. This lists; \`sufficiency validate\` checks them.

Examples:
  $ sufficiency scenarios
  $ sufficiency scenarios --scenarios ./my-scenarios
  $ sufficiency project --scenario central
`),
    )
    .action(async (opts: ScenariosOptions) => {
      const lang = parseLang(opts.lang);
      const { listScenarios } = await import('../../scenario/load.js');
      const list = await listScenarios(opts.scenarios).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new UsageError(`scenarios: no folder ${opts.scenarios}`);
        throw err;
      });
      if (list.length === 0) {
        const { commandLabel } = await import('../../i18n/command-labels.js');
        process.stderr.write(commandLabel(lang, 'scenarios.none', { dir: opts.scenarios }) + '\n');
      }
      process.stdout.write(formatScenarioList(list, process.stdout.isTTY === true && process.stdout.columns ? process.stdout.columns : null));
    });
}

/**
 * One line per scenario: the name padded to the longest, two spaces, the title. On a terminal narrower
 * than a line, the title is cut with … so that each scenario stays on one line; pipes get it whole.
 */
export function formatScenarioList(list: ReadonlyArray<{ name: string; title: string }>, columns: number | null = null): string {
  const width = Math.max(0, ...list.map((s) => s.name.length));
  const fit = (title: string): string => {
    if (columns === null) return title;
    const room = columns - 1 - width - 2;
    const chars = [...title];
    return chars.length <= room ? title : `${chars.slice(0, Math.max(0, room - 1)).join('').trimEnd()}…`;
  };
  return list.map((s) => (s.title ? `${s.name.padEnd(width)}  ${fit(s.title)}` : s.name).trimEnd() + '\n').join('');
}
