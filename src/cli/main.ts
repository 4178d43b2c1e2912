// The command-line entry point: builds the commander program and is the one place that turns
// errors into exit codes. Commands live one per file in ./commands and load heavy modules lazily.
import { Command, CommanderError } from 'commander';
import { EXIT, InputError, InternalError, UsageError, formatProblem } from '../errors.js';
import { registerProject } from './commands/project.js';
import { registerDiff } from './commands/diff.js';
import { registerValidate } from './commands/validate.js';
import { registerScenarios } from './commands/scenarios.js';
import { registerPlan } from './commands/plan.js';
import { registerTemplate } from './commands/template.js';
import { registerReport } from './commands/report.js';
import { registerBacktest } from './commands/backtest.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { VERSION } from '../version.js';
import { guardOptions } from './option-guards.js';

function buildProgram(argv: readonly string[]): Command {
  const program = new Command('sufficiency')
    .description('Placement-sufficiency modeller for children\'s social care in Wales')
    .version(VERSION)
    .option('--debug', 'show stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [registerProject, registerDiff, registerValidate, registerScenarios, registerPlan, registerTemplate, registerReport, registerBacktest, registerSensitivity]) {
    register(program);
  }
  program.commands.forEach((c) => c.exitOverride());
  guardOptions(program, argv);
  return program;
}

function debugRequested(argv: string[]): boolean {
  return argv.includes('--debug');
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    return reportError(err, debugRequested(argv));
  }
}

function reportError(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version exit through here with code 0; commander already printed its message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`sufficiency: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(formatProblem(p) + '\n');
    process.stderr.write(`sufficiency: ${err.message}\n`);
    return EXIT.input;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const kind = err instanceof InternalError ? 'internal error' : 'unexpected error';
  process.stderr.write(`sufficiency: ${kind}: ${e.message}\n`);
  if (debug) process.stderr.write((e.stack ?? '') + '\n');
  else process.stderr.write('(run again with --debug for details; please report this)\n');
  return EXIT.internal;
}

// A reader that closes early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
