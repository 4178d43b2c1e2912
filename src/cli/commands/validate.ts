import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('(validate: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the validate command is not available yet');
    });
}
