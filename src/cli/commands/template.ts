import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('(template: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the template command is not available yet');
    });
}
