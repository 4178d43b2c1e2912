// Typed errors. The CLI maps each class to an exit code in one place (src/cli/main.ts).

/** A problem with one place in an input file: `FILE:LINE:COLUMN: message`. */
export interface Problem {
  file: string;
  /** Line as seen in a text editor (header = 1); null when the problem is about the whole file. */
  line: number | null;
  /** Column header name (CSV) or column number (YAML); null when not about one column. */
  column: string | number | null;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line ?? undefined, p.column ?? undefined].filter((x) => x !== undefined).join(':');
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${p.message}`;
}

/**
 * Problems in the order a reader fixes them: by file, then line, then column where columns are
 * numbered (a YAML file's); a CSV's named columns, like problems at one place, keep the order in
 * which they were found (the order of the checks).
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compareText(a.p.file, b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || byColumnNumber(a.p, b.p) || a.i - b.i)
    .map(({ p }) => p);
}

function byColumnNumber(a: Problem, b: Problem): number {
  if (typeof a.column === 'string' || typeof b.column === 'string') return 0;
  return (a.column ?? 0) - (b.column ?? 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Wrong use of the command line: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const problemCount = (n: number): string => `${n} problem${n === 1 ? '' : 's'} found in the input`;

/** Invalid data or scenario: exit 3, after every problem has been listed. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly problems: Problem[],
    message = problemCount(problems.filter((p) => p.severity === 'error').length),
  ) {
    super(message);
  }
}

/** A scenario that cannot be used (bad key, bad value, bad extends): exit 3. */
export class ScenarioError extends InputError {
  override name = 'ScenarioError';
}

/** A broken invariant inside the model (e.g. a child lost): exit 1. This is a bug, never the user's fault. */
export class InternalError extends Error {
  override name = 'InternalError';
}

export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3 } as const;
