// Colour follows the usual conventions: off when the output is not a terminal (pipes, files), off
// under NO_COLOR (https://no-color.org: any non-empty value), on under FORCE_COLOR even in a pipe
// (FORCE_COLOR=0 or false turns it off). NO_COLOR wins over FORCE_COLOR: a user who asks for no
// colour gets none. chalk alone honours FORCE_COLOR but not NO_COLOR, so the level is decided here.
import { Chalk, type ChalkInstance } from 'chalk';

export type ColourLevel = 0 | 1 | 2 | 3;

export function colourLevel(env: NodeJS.ProcessEnv, isTty: boolean, toFile: boolean): ColourLevel {
  if (toFile) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '' || force === 'true') return 1;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : (Math.max(0, Math.min(n, 3)) as ColourLevel);
  }
  if (!isTty) return 0;
  if (env.TERM === 'dumb') return 0;
  const colorterm = env.COLORTERM ?? '';
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  return /-256(color)?$/i.test(env.TERM ?? '') ? 2 : 1;
}

export function makeChalk(level: ColourLevel): ChalkInstance {
  return new Chalk({ level });
}

/** Colour for standard output as this process sees it (a file written with --out is never coloured). */
export function chalkFor(toFile: boolean): ChalkInstance {
  return makeChalk(colourLevel(process.env, process.stdout.isTTY === true, toFile));
}

/** Columns of the terminal: $COLUMNS if set, else the terminal's width, else 100 (files and pipes). */
export function terminalWidth(toFile: boolean): number {
  const env = Number.parseInt(process.env.COLUMNS ?? '', 10);
  if (Number.isFinite(env) && env >= 40) return env;
  if (!toFile && process.stdout.isTTY === true && process.stdout.columns) return process.stdout.columns;
  return 100;
}
