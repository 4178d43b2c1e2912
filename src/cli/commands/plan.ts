import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('(plan: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the plan command is not available yet');
    });
}
