// The data files a package lists are checked before they are read (docs/model.md §3): inside the package
// folder once links are resolved, regular files, at most 64 MiB, UTF-8. Each rule has its fixture
// (static ones in test/fixtures/io; links, pipes and huge files are made here, in a temporary folder)
// and the test names the file, the line and the message an analyst would read.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/io/dataset.js';
import { formatProblem } from '../../src/errors.js';
import { MAX_DATA_FILE_BYTES, decodeUtf8, readDataFile } from '../../src/io/data-file.js';
import { parseCsvText } from '../../src/io/csv.js';

const FIX = 'test/fixtures/io';
const TMP = mkdtempSync(path.join(tmpdir(), 'sufficiency-data-file-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

async function lines(dir: string): Promise<string[]> {
  const r = await loadDataset(dir);
  expect(r.dataset).toBeNull();
  return r.problems.map(formatProblem);
}

/** A copy of the small valid package `base` whose providers.csv is replaced by `make(file)`. */
function packageWith(name: string, make: (providers: string) => void): string {
  const dir = path.join(TMP, name);
  cpSync(`${FIX}/base`, dir, { recursive: true });
  rmSync(path.join(dir, 'providers.csv'));
  make(path.join(dir, 'providers.csv'));
  return dir;
}

describe('data files that are refused before they are read', () => {
  it('a symbolic link that leads outside the package folder (its contents never echoed)', async () => {
    const secret = path.join(TMP, 'secret.csv');
    writeFileSync(secret, 'provider_id,provider_name\nSECRET-TOKEN,do not print\n');
    const dir = packageWith('link-out', (f) => symlinkSync(secret, f));
    const out = await lines(dir);
    expect(out).toEqual([
      `${path.join(dir, 'providers.csv')}: refused: it leads outside the data package folder (through a symbolic link); data files must lie inside the folder`,
    ]);
    expect(out.join('\n')).not.toContain('SECRET');
  });

  it('a link inside the folder is followed', async () => {
    const dir = packageWith('link-in', (f) => {
      cpSync(`${FIX}/base/providers.csv`, path.join(path.dirname(f), 'real-providers.csv'));
      symlinkSync('real-providers.csv', f);
    });
    const r = await loadDataset(dir);
    expect(r.problems).toEqual([]);
    expect(r.dataset?.providers).toHaveLength(3);
  });

  it('a named pipe (opening it would wait for ever)', async () => {
    const dir = packageWith('fifo', (f) => execFileSync('mkfifo', [f]));
    expect(await lines(dir)).toEqual([`${path.join(dir, 'providers.csv')}: refused: expected a regular file, found a named pipe`]);
  });

  it('a folder', async () => {
    const dir = packageWith('folder', (f) => mkdirSync(f));
    expect(await lines(dir)).toEqual([`${path.join(dir, 'providers.csv')}: refused: expected a regular file, found a folder`]);
  });

  it('a device, reached through a link (outside the folder, so refused for that first)', async () => {
    const dir = packageWith('device', (f) => symlinkSync('/dev/zero', f));
    expect((await lines(dir))[0]).toMatch(/providers\.csv: refused: it leads outside the data package folder/);
  });

  it('a file larger than 64 MiB, by its size alone (a sparse file: nothing is read)', async () => {
    const dir = packageWith('huge', (f) => {
      writeFileSync(f, 'provider_id,provider_name,sector,host,placement_type,places\n');
      truncateSync(f, MAX_DATA_FILE_BYTES + 1);
    });
    expect(await lines(dir)).toEqual([`${path.join(dir, 'providers.csv')}: refused: the file is 67108865 bytes, more than the 64 MiB (67108864 bytes) a data file may be`]);
  });

  it('a datapackage.json that is a pipe', async () => {
    const dir = path.join(TMP, 'descriptor-fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'datapackage.json')]);
    expect(await lines(dir)).toEqual([`${path.join(dir, 'datapackage.json')}: refused: expected a regular file, found a named pipe`]);
  });

  it('the limit is checked on the size, with a message that gives it', async () => {
    const f = path.join(TMP, 'small-limit.csv');
    writeFileSync(f, 'a,b\n1,2\n');
    // 8 bytes against a 4-byte limit.
    expect(await readDataFile(f, TMP, 4)).toEqual({ message: 'refused: the file is 8 bytes, more than the 4 bytes a data file may be' });
  });
});

describe('text that is not UTF-8 is named as such, not read as missing columns', () => {
  it('UTF-16 by its byte-order mark', async () => {
    expect(await lines(`${FIX}/utf16`)).toEqual([
      `${FIX}/utf16/providers.csv: the file is UTF-16 (little-endian, by its byte-order mark), not UTF-8: save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8)`,
    ]);
  });

  it('Latin-1: the first line that cannot be decoded (line 3: "Café" saved as one byte 0xE9)', async () => {
    expect(await lines(`${FIX}/latin1`)).toEqual([
      `${FIX}/latin1/providers.csv:3: the file is not UTF-8: byte 0xE9 on this line cannot be decoded (it looks like Latin-1 or Windows-1252, as older Excel saves "CSV"); save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8)`,
    ]);
  });

  it('UTF-16 without a byte-order mark, big-endian UTF-16 and UTF-32', () => {
    expect(decodeUtf8(Buffer.from('a,b\n', 'utf16le'))).toMatchObject({ message: expect.stringContaining('looks like UTF-16 (every other byte is 0)') });
    expect(decodeUtf8(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({ message: expect.stringContaining('UTF-16 (big-endian') });
    expect(decodeUtf8(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toMatchObject({ message: expect.stringContaining('UTF-32 (little-endian') });
  });

  it('UTF-8 with a byte-order mark and Welsh letters is fine; a broken sequence on line 2 of 3 is found', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFa,b\nYnys Môn,Ŵ\n'))).toEqual({ text: 'a,b\nYnys Môn,Ŵ\n' });
    // "Môn" with its ô (C3 B4) cut to C3 alone, before a comma.
    const bytes = Buffer.concat([Buffer.from('a,b\nM'), Buffer.from([0xc3]), Buffer.from('n,1\nx,2\n')]);
    expect(decodeUtf8(bytes)).toMatchObject({ line: 2 });
  });
});

describe('an unterminated quote is reported where it opened', () => {
  it('line 3 of providers.csv, not the end of the file (line 6)', async () => {
    expect(await lines(`${FIX}/unclosed-quote`)).toEqual([
      `${FIX}/unclosed-quote/providers.csv:3: a double quote opens a value that is never closed (everything after it, to the end of the file, was read as that value)`,
    ]);
  });

  it('past closed quotes, doubled quotes, quoted line breaks and comment lines', () => {
    const unclosed = (text: string) => parseCsvText(text, 'f.csv').problems.map((p) => [p.line, p.message.slice(0, 36)]);
    expect(unclosed('a,b\n"x ""y""",1\n"multi\nline",2\n# a "comment\n')).toEqual([]);
    // Opened on line 4, after a quoted value over lines 2-3 and with CRLF line ends.
    expect(unclosed('a,b\r\n"two\r\nlines",1\r\n  "open,2\r\nz,3\r\n')).toEqual([[4, 'a double quote opens a value that is']]);
  });
});
