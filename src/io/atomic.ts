// Output files are written atomically (docs/model.md §2): the text goes to a temporary file in the
// same folder, which is then renamed over the target, so a reader sees the old file or the new one,
// never half of either, and a failed run leaves whatever was there untouched. The tool also refuses
// to write over one of its own input files.
import { randomBytes } from 'node:crypto';
import { lstatSync, promises as fs, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Refuses an output path that is anything but a regular file or a new name in an existing folder: a
 * symbolic link (writing "through" it would replace a file elsewhere, or the link), a folder, a
 * named pipe, a device, a socket. `-` is standard output and never reaches here.
 */
export function checkOutputTarget(file: string): void {
  let info: import('node:fs').Stats | undefined;
  try {
    info = lstatSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UsageError(`cannot write ${file}: a folder on its path is a file`);
    if (code !== 'ENOENT') throw new UsageError(`cannot write ${file}: ${describeFsError(err as NodeJS.ErrnoException)}`);
  }
  if (info === undefined) {
    const dir = path.dirname(path.resolve(file));
    const parent = (() => {
      try {
        return statSync(dir);
      } catch {
        return null;
      }
    })();
    if (parent === null || !parent.isDirectory()) throw new UsageError(`cannot write ${file}: its folder does not exist`);
    return;
  }
  if (info.isFile()) return;
  const what = info.isSymbolicLink()
    ? 'a symbolic link'
    : info.isDirectory()
      ? 'a folder'
      : info.isFIFO()
        ? 'a named pipe'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : info.isSocket()
            ? 'a socket'
            : 'not a regular file';
  throw new UsageError(`refusing to write ${file}: it is ${what}; --out takes a regular file or a new name (use - or leave --out out for standard output)`);
}

/** Writes `data` to `file` through a temporary file in the same folder and a rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    // Checked again just before writing: the path may have changed since the options were read.
    checkOutputTarget(file);
    const old = await fs.lstat(file).catch(() => null);
    handle = await fs.open(tmp, 'wx', old?.isFile() ? old.mode & 0o777 : 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmp, file);
  } catch (err) {
    if (handle !== null) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EISDIR' || e.code === 'ENOTDIR' || e.code === 'EROFS') {
      throw new UsageError(`cannot write ${file}: ${describeFsError(e)}`);
    }
    throw err;
  }
}

function describeFsError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.message;
  }
}

/** A path with symbolic links resolved as far as it exists (a file not yet written keeps its name). */
export function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Throws a UsageError when any of `outputs` is one of `inputs` (dataset or scenario files). */
export function refuseToOverwriteInputs(outputs: readonly string[], inputs: readonly string[]): void {
  const taken = new Set(inputs.map(canonicalPath));
  for (const out of outputs) {
    if (taken.has(canonicalPath(out))) {
      throw new UsageError(`refusing to write over ${out}: it is one of this run's input files (choose another --out)`);
    }
  }
}
