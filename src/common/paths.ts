// Where the package's own files live, found from this module so that the binary works from any
// working directory and from a global install.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: two levels above dist/io (or src/io when run from source by the tests). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = path.join(PACKAGE_ROOT, 'data', 'wales');
export const DEFAULT_SCENARIOS_DIR = path.join(PACKAGE_ROOT, 'scenarios');
