// How a message names a file or folder: as the user would read it, relative to the working
// directory when inside it. Every layer that names a file in a message (the scenario loader, the
// dataset loader, the commands) shows paths this one way.
import path from 'node:path';

/** A path as given, normalised (`data/./wales` reads `data/wales`); an absolute one relative to the working directory when inside it. */
export function displayPath(p: string): string {
  if (!path.isAbsolute(p)) return path.normalize(p);
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}
