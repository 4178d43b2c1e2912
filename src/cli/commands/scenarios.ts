import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('(scenarios: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the scenarios command is not available yet');
    });
}
