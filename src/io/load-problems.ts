// The problems a load of the dataset finds, in the order it finds them: errors and warnings at
// FILE:LINE:COLUMN (docs/methodology.md, "Checks on the data"). The loader sorts them by file and
// line at the end; problems at one place keep the order in which they are found.
import type { Problem } from '../errors.js';

export class LoadProblems {
  readonly list: Problem[] = [];

  error(file: string, line: number | null, column: string | null, message: string): void {
    this.list.push({ file, line, column, message, severity: 'error' });
  }

  warn(file: string, line: number | null, column: string | null, message: string): void {
    this.list.push({ file, line, column, message, severity: 'warning' });
  }

  /** Problems found by a check that returns its own (the CSV reader, capacity, plausibility). */
  add(found: readonly Problem[]): void {
    this.list.push(...found);
  }
}
