// Reading one file of a data package safely (docs/model.md §3): the file must lie inside the package folder
// once links are resolved, be a regular file (a named pipe would block the read for ever, a device
// could be endless), be no larger than MAX_DATA_FILE_BYTES, and be UTF-8 text. Each check is made
// before the file is opened or read, and a refusal never quotes what the file holds.
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The largest data file read: 64 MiB, some 50 times the largest CSV an England-sized dataset needs. */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;

export type DataFileResult = { text: string } | { message: string; line?: number };

/**
 * Reads `file` (a path as shown to the user) as UTF-8 text, refusing it with a message when it leads
 * outside `root` (the package folder), is not a regular file, is too large, or is not UTF-8.
 */
export async function readDataFile(file: string, root: string, limit = MAX_DATA_FILE_BYTES): Promise<DataFileResult> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { message: 'file not found: the data package lists it, but there is no such file' };
    if (code === 'ELOOP') return { message: 'refused: the path is a loop of symbolic links' };
    if (code === 'ENOTDIR') return { message: 'file not found: a folder on its path is a file' };
    return { message: `cannot read the file (${code ?? String(err)})` };
  }
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const rel = path.relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { message: 'refused: it leads outside the data package folder (through a symbolic link); data files must lie inside the folder' };
  }
  const info = await stat(real).catch(() => null);
  if (info === null) return { message: 'file not found: the data package lists it, but there is no such file' };
  if (!info.isFile()) return { message: `refused: expected a regular file, found ${kindOf(info)}` };
  if (info.size > limit) {
    return { message: tooLarge(info.size, limit) };
  }
  let bytes: Buffer;
  // Opened without following a link swapped in since the checks, and without blocking on a pipe
  // swapped in: what was opened is checked again before it is read.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((err: NodeJS.ErrnoException) => err);
  if (handle instanceof Error) return { message: `cannot read the file (${handle.code ?? handle.message})` };
  try {
    const again = await handle.stat();
    if (!again.isFile()) return { message: `refused: expected a regular file, found ${kindOf(again)}` };
    if (again.size > limit) return { message: tooLarge(again.size, limit) };
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (bytes.length > limit) return { message: tooLarge(bytes.length, limit) };
  return decodeUtf8(bytes);
}

function kindOf(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'something that is not a file';
}

const tooLarge = (size: number, limit: number): string => {
  const whole = limit % (1024 * 1024) === 0 && limit > 0 ? `${limit / (1024 * 1024)} MiB (${limit} bytes)` : `${limit} bytes`;
  return `refused: the file is ${size} bytes, more than the ${whole} a data file may be`;
};

const SAVE_AS = 'save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8)';

/** The text of UTF-8 bytes (without its byte-order mark, if any), or what encoding it seems to be in. */
export function decodeUtf8(bytes: Uint8Array): DataFileResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const utf32 = bytes[2] === 0 && bytes[3] === 0;
    return { message: `the file is ${utf32 ? 'UTF-32' : 'UTF-16'} (little-endian, by its byte-order mark), not UTF-8: ${SAVE_AS}` };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { message: `the file is UTF-16 (big-endian, by its byte-order mark), not UTF-8: ${SAVE_AS}` };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { message: `the file is UTF-32 (big-endian, by its byte-order mark), not UTF-8: ${SAVE_AS}` };
  // UTF-16 without a byte-order mark: text of ASCII characters has every other byte 0.
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  if (head.length >= 4 && zeros * 4 >= head.length) return { message: `the file looks like UTF-16 (every other byte is 0), not UTF-8: ${SAVE_AS}` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalid(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    const guess = looksLikeLatin1(bytes) ? ' (it looks like Latin-1 or Windows-1252, as older Excel saves "CSV")' : '';
    return {
      line,
      message: `the file is not UTF-8: byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} on this line cannot be decoded${guess}; ${SAVE_AS}`,
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates are refused too, as TextDecoder does.
    if (n === 2 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0))) return i;
    if (n === 3 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90))) return i;
    i += n + 1;
  }
  return b.length - 1;
}

/** Latin-1 / Windows-1252 text: bytes from 0x80 up, mostly alone between ASCII bytes. */
function looksLikeLatin1(b: Uint8Array): boolean {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) continue;
    high++;
    if ((i === 0 || b[i - 1] < 0x80) && (i + 1 === b.length || b[i + 1] < 0x80)) lone++;
  }
  return high > 0 && lone * 2 >= high;
}
