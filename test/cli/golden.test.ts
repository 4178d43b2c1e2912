// Golden end-to-end cases (test/cli/cases/<name>/): the built CLI run as a process, its standard
// output, standard error, exit code and files compared with what is expected. `npm test` builds
// first; regenerate on purpose with `node test/cli/update-golden.mjs`.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper shared with the update script, without type declarations
import { caseNames, expected, runCase } from './golden-runner.mjs';

// A case of a shipped random scenario makes its default 100 runs (docs/methodology.md "Monte Carlo
// figures"): about 7 s of CPU, so a case may take half a minute or more on a shared, busy machine.
const CASE_TIMEOUT_MS = 240_000;

describe('golden CLI cases', () => {
  for (const name of caseNames() as string[]) {
    it(name, () => {
      const got = runCase(name);
      const want = expected(name);
      expect(got.stderr).toBe(want.stderr);
      expect(got.stdout).toBe(want.stdout);
      expect(got.exit).toBe(want.exit);
      expect(Object.keys(got.files)).toEqual(Object.keys(want.files));
      for (const f of Object.keys(want.files)) expect(Buffer.compare(got.files[f], want.files[f]), `file ${f}`).toBe(0);
    }, CASE_TIMEOUT_MS);
  }
});
