// What commander would take without a word, refused before any command runs (exit 2): an option
// that takes one value given twice (the last would win unseen: `--scenario central --scenario
// baseline` would run baseline alone, `plan --la Cardiff --la Newport` Newport alone), and an empty
// value, of an option or an argument (`--data ''` would read the working folder, `template ''` write
// into it). An option
// whose default is a list (validate's `--scenario`) collects every value and may repeat.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';

/** What an empty value of an option should have been, where a plainer word than its help text reads better. */
const EXPECTED_WHEN_EMPTY: Record<string, string> = {
  out: 'a file name, or - for standard output',
};

export function guardOptions(program: Command, argv: readonly string[]): void {
  program.hook('preAction', (_root, command) => {
    const end = argv.indexOf('--');
    const tokens = end === -1 ? argv : argv.slice(0, end);
    for (const option of command.options as Option[]) {
      if (!takesOneValue(option) || option.long === undefined) continue;
      const long = option.long;
      const given = tokens.filter((t) => t === long || t.startsWith(`${long}=`)).length;
      if (given > 1) throw new UsageError(`${long}: given ${given} times; give it once (only one value is used)`);
      const value: unknown = command.getOptionValue(option.attributeName());
      if (typeof value === 'string' && value.trim() === '' && command.getOptionValueSource(option.attributeName()) === 'cli') {
        const name = long.replace(/^--/, '');
        throw new UsageError(`${long}: expected ${EXPECTED_WHEN_EMPTY[name] ?? `a value, found an empty one (${option.description})`}`);
      }
    }
    command.registeredArguments.forEach((argument, i) => {
      const value: unknown = command.args[i];
      if (typeof value === 'string' && value.trim() === '') throw new UsageError(`${command.name()}: expected ${argument.name()}, found an empty value (${argument.description})`);
    });
  });
}

function takesOneValue(option: Option): boolean {
  return (option.required || option.optional) && !option.variadic && !Array.isArray(option.defaultValue);
}
