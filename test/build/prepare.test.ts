// The build records what it was made from, and `prepare` (scripts/build.mjs --if-changed) builds
// only when that changed. npm 11 runs `prepare` again whenever `npx sufficiency` runs this
// checkout's own command, so a `prepare` that always rebuilt cost the README's first
// command about 6-10 s (docs/performance.md §14). Run after a build, as `npm test` does.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { buildInputsHash, STAMP } = (await import(path.join(ROOT, 'scripts', 'build-inputs.mjs'))) as {
  buildInputsHash: (root?: string) => string;
  STAMP: string;
};

describe('the build and prepare', () => {
  it('records the hash of the inputs dist/ was built from', () => {
    // A stale stamp here means src/ changed since the last `npm run build`: build, then test.
    expect(readFileSync(STAMP, 'utf8').trim()).toBe(buildInputsHash());
  });

  it('changes its hash when a source file is edited, added or renamed, and when the lockfile changes', () => {
    // A copy of the inputs alone (the settings, the build scripts, the lockfile and two files of src/).
    const root = mkdtempSync(path.join(os.tmpdir(), 'sufficiency-build-inputs-'));
    try {
      for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle.mjs', 'scripts/build-inputs.mjs', 'src/version.ts', 'src/errors.ts']) {
        cpSync(path.join(ROOT, f), path.join(root, f));
      }
      const first = buildInputsHash(root);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(buildInputsHash(root)).toBe(first);
      const seen = new Set([first]);
      const changed = (edit: () => void): void => {
        edit();
        const h = buildInputsHash(root);
        expect(seen.has(h)).toBe(false);
        seen.add(h);
      };
      changed(() => writeFileSync(path.join(root, 'src/version.ts'), `${readFileSync(path.join(root, 'src/version.ts'), 'utf8')}// edited\n`));
      changed(() => writeFileSync(path.join(root, 'src/new-module.ts'), 'export const x = 1;\n'));
      changed(() => renameSync(path.join(root, 'src/new-module.ts'), path.join(root, 'src/renamed.ts')));
      changed(() => writeFileSync(path.join(root, 'package-lock.json'), '{}\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves a current dist/ alone: prepare exits 0 and rewrites nothing', () => {
    const bundle = path.join(ROOT, 'dist', 'cli', 'sufficiency.js');
    const before = statSync(bundle).mtimeMs;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-changed'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(bundle).mtimeMs).toBe(before);
  });
});
