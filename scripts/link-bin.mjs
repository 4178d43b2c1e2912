#!/usr/bin/env node
// Puts this checkout's own command in node_modules/.bin, as `npm ci` does for its dependencies' but
// not for the package itself. Without it, the README's `npx sufficiency …` finds no local bin, takes
// `sufficiency` for a package to install, installs this folder into npm's cache and runs its
// `prepare` there: a whole build (about 10 s) at the first call on a machine, and again whenever the
// cached copy points at another checkout (docs/performance.md §14). Run by `prepare`, after the build;
// a package installed from the registry runs no `prepare`, so this touches only a checkout.
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(ROOT, 'node_modules', '.bin');
const link = path.join(binDir, 'sufficiency');
// Only a checkout whose dependencies are installed: no node_modules, nothing to link into.
if (existsSync(path.join(ROOT, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  let present = false;
  try {
    lstatSync(link);
    present = true;
  } catch {
    present = false;
  }
  // A link already there (this checkout's, or one the user made) is left as it is.
  if (!present) symlinkSync(path.relative(binDir, path.join(ROOT, 'bin', 'sufficiency.js')), link);
}
