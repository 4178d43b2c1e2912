// `sufficiency backtest`: fits each demand method and variant on the published figures up to every
// origin year it can, forecasts the published figures after it, and ranks the variants against the
// naive forecast (docs/methodology.md, "Backtests: which demand forecast to trust"). The scoring is
// pure (src/model/backtest.ts, backtest-rank.ts); this file reads the data and writes the result.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { nationNameIn } from '../../i18n/labels.js';
import { helpAfter } from '../help.js';
import { langOption, parseLang } from '../lang.js';
import { refuseToOverwriteInputs } from '../../io/atomic.js';
import { displayPath } from '../../scenario/display-path.js';
import { dataOption, emit, parseYear, resolveFormat, stdoutIsTty } from '../pipeline.js';

interface RawBacktestOptions {
  data: string;
  from?: string;
  format?: string;
  out?: string;
  lang: string;
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('score each demand method on past years against the naive forecast (last value carried forward)')
    .addOption(dataOption())
    .addOption(new Option('--from <year>', 'score only the forecasts made from 31 March YEAR (default: from every origin year with figures to fit and one after it)'))
    .addOption(new Option('--format <format>', 'table or csv (default: table on a terminal, CSV when piped or written to a file)'))
    .addOption(new Option('--out <file>', 'write to FILE instead of standard output'))
    .addOption(langOption('the table (CSV never changes)'))
    .addHelpText(
      'after',
      helpAfter(`
Methods: trend over the last 3 and 5 points and over all points, each straight, damped (0.8, 0.9)
and reconciled to the nation or not (trend_5_damped_0.8_reconciled); change at the series' mean yearly
rate; flows (entries and exits of the year to the origin, where the data has flows); and the naive
last value. Only figures not marked estimated (demand_history's status column) are fitted or scored.
The table ranks the variants by LA-level error 1 to 6 years ahead, with the naive forecast's place;
a method wins only where it beats naive at significantly more of at least 5 points (sign test, 5%).

Examples:
  $ sufficiency backtest
  $ sufficiency backtest --from 2017 --format csv --out backtest.csv
`),
    )
    .action(async (raw: RawBacktestOptions) => {
      const lang = parseLang(raw.lang);
      const format = resolveFormat(raw.format, raw.out ?? null, false, stdoutIsTty(), ['table', 'csv']);
      const from = raw.from === undefined ? null : parseYear('--from', raw.from);
      const [{ loadDatasetOrThrow }, { runBacktest, BacktestError }, render] = await Promise.all([
        import('../../io/dataset.js'),
        import('../../model/backtest-rank.js'),
        import('../render/backtest.js'),
      ]);
      const { dataset, warnings, files } = await loadDatasetOrThrow(raw.data);
      if (raw.out !== undefined) refuseToOverwriteInputs([raw.out], files);
      const { dataWarningLines } = await import('../data-warnings.js');
      for (const line of dataWarningLines(warnings)) process.stderr.write(`${line}\n`);
      let result;
      try {
        result = runBacktest({ localAuthorities: dataset.localAuthorities, history: dataset.demandHistory, nationHistory: dataset.nationHistory ?? [], flows: dataset.flows ?? null, from, nationCode: dataset.nation.code });
      } catch (err) {
        if (err instanceof BacktestError && err.cause_ === 'usage') throw new UsageError(err.message);
        // The data cannot be backtested: the problem is demand_history's, which --from cannot cure.
        if (err instanceof BacktestError) throw new InputError([{ file: historyFile(files, raw.data), line: null, column: null, message: err.message, severity: 'error' }]);
        throw err;
      }
      const ctx = {
        dataShown: displayPath(raw.data),
        nationCode: dataset.nation.code,
        nationName: format === 'csv' ? dataset.nation.name : nationNameIn(lang, dataset.nation),
        laNames: new Map(dataset.localAuthorities.map((l) => [l.code, lang === 'cy' ? l.nameCy : l.nameEn])),
        lang,
      };
      const width = process.stdout.isTTY === true && process.stdout.columns ? Math.min(process.stdout.columns, 100) : 80;
      const text = format === 'csv' ? render.backtestCsv(result, ctx) : render.backtestTable(result, ctx, width);
      await emit(text, raw.out ?? null, null);
    });
}

/** demand_history's file as the loader listed it, else where it usually is. */
function historyFile(files: readonly string[], dataDir: string): string {
  const found = files.find((f) => path.basename(f).startsWith('demand_history'));
  return path.relative(process.cwd(), found ?? path.join(dataDir, 'demand_history.csv')) || 'demand_history.csv';
}
