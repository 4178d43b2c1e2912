import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('(diff: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the diff command is not available yet');
    });
}
