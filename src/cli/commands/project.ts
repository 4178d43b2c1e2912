import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export function registerProject(program: Command): void {
  program
    .command('project')
    .description('(project: being built)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('the project command is not available yet');
    });
}
