// What the build (tsc, then scripts/bundle.mjs) makes dist/ from, as one hash: every file under
// src/, the TypeScript settings, the bundler's script and the installed dependencies' lockfile.
// scripts/build.mjs stores it in dist/.build-inputs, and under `prepare` (`--if-changed`) builds
// again only when it differs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where scripts/build.mjs records the hash of the inputs dist/ was built from. */
export const STAMP = path.join(ROOT, 'dist', '.build-inputs');
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle.mjs', 'scripts/build-inputs.mjs'];

/** Every file under `dir` of `root` (relative to root, forward slashes), in code-unit order. */
function filesUnder(root, dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The hash of the build's inputs under `root` (this checkout by default): each file's path and contents, in order. */
export function buildInputsHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const rel of [...FILES, ...filesUnder(root, 'src')]) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
