// `sufficiency backtest`: fits each demand method on the published figures up to a year, forecasts
// the published figures after it, and scores the forecasts against the naive one (SPEC.md section
// 4.4). The scoring is pure (src/model/backtest.ts); this file reads the data and writes the result.
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { helpAfter } from '../help.js';
import { langOption, parseLang } from '../lang.js';
import { refuseToOverwriteInputs } from '../../io/atomic.js';
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
    .addOption(new Option('--from <year>', 'fit on the published figures up to 31 March YEAR and score those after it (default: the latest year every LA has published)'))
    .addOption(new Option('--format <format>', 'table or csv (default: table on a terminal, CSV when piped or written to a file)'))
    .addOption(new Option('--out <file>', 'write to FILE instead of standard output'))
    .addOption(langOption('the table (CSV never changes)'))
    .addHelpText(
      'after',
      helpAfter(`
Methods: trend over the last 3 and 5 points and over all points, change at the LA's mean yearly rate,
flows (entries and exits of the year to the fit date, where the data has flows), and the naive last
value. Only figures not marked estimated (demand_history's status column) are fitted or scored: an
estimate is often built from later figures. The table gives per horizon the mean absolute
percentage error and bias over the LAs and for the LAs pooled, and says which method wins.

Examples:
  $ sufficiency backtest
  $ sufficiency backtest --from 2017 --format csv --out backtest.csv
`),
    )
    .action(async (raw: RawBacktestOptions) => {
      // Accepted on every command (docs/methodology.md, "Flags and languages"); the table's Welsh labels are to come.
      parseLang(raw.lang);
      const format = resolveFormat(raw.format, raw.out ?? null, false, stdoutIsTty(), ['table', 'csv']);
      const from = raw.from === undefined ? null : parseYear('--from', raw.from);
      const [{ loadDatasetOrThrow, displayPath }, { runBacktest, BacktestError }, render] = await Promise.all([
        import('../../io/dataset.js'),
        import('../../model/backtest.js'),
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
        if (err instanceof BacktestError) throw new UsageError(err.message);
        throw err;
      }
      const ctx = {
        dataShown: displayPath(raw.data),
        nationCode: dataset.nation.code,
        nationName: dataset.nation.name,
        laNames: new Map(dataset.localAuthorities.map((l) => [l.code, l.nameEn])),
      };
      const width = process.stdout.isTTY === true && process.stdout.columns ? Math.min(process.stdout.columns, 100) : 80;
      const text = format === 'csv' ? render.backtestCsv(result, ctx) : render.backtestTable(result, ctx, width);
      await emit(text, raw.out ?? null, null);
    });
}
