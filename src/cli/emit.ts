// Where a command's result goes: standard output, or --out written atomically with its provenance
// (FILE.meta.json) beside it (docs/model.md §6).
import path from 'node:path';
import { UsageError } from '../errors.js';
import { checkOutputTarget, writeFileAtomic } from '../io/atomic.js';
import { metaJson, sha256Hex, type Meta } from '../io/provenance.js';
import { inNation, type Lang } from '../i18n/labels.js';
import type { Nation } from '../model/types.js';
import type { OutputFormat } from './options.js';

/** --out as given: `-` (or no --out) is standard output, null; a path is checked before anything is read. */
export function outputPath(given: string | undefined): string | null {
  if (given === undefined || given === '-') return null;
  if (given.trim() === '') throw new UsageError('--out: expected a file name, or - for standard output');
  checkOutputTarget(given);
  checkOutputTarget(metaPath(given));
  return given;
}

export const metaPath = (out: string): string => `${out}.meta.json`;

/** Writes the result to standard output, or to --out (atomically) with FILE.meta.json beside it. */
export async function emit(text: string | Uint8Array, out: string | null, meta: Meta | null): Promise<void> {
  if (out === null) {
    process.stdout.write(text);
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await writeFileAtomic(out, bytes);
  // The sidecar names the file it describes and its SHA-256 (docs/model.md §6), so that a sidecar left from
  // another run, or a file edited since, is detected. It is written second: a run stopped between
  // the two leaves an old sidecar whose hash does not match.
  if (meta !== null) await writeFileAtomic(metaPath(out), metaJson({ ...meta, output: { path: path.basename(out), sha256: sha256Hex(bytes) } }));
  process.stderr.write(`sufficiency: wrote ${out}${meta !== null ? ` and ${metaPath(out)}` : ''}\n`);
}

/** Emits a command's result; a table names the dataset's nation, files keep their documented names (docs/model.md §3.1). */
export async function emitInNation(text: string | Uint8Array, opts: { format: OutputFormat; lang: Lang; out: string | null }, nation: Nation, meta: Meta | null): Promise<void> {
  await emit(opts.format === 'table' && typeof text === 'string' ? inNation(text, opts.lang, nation) : text, opts.out, meta);
}

/** Whether standard output is a terminal (tests and pipes: no). */
export const stdoutIsTty = (): boolean => process.stdout.isTTY === true;
