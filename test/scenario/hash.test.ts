// The scenario's parameter hash (src/scenario/hash.ts; docs/scenarios.md, "Provenance"): taken over
// the hash's version and the spec, keys sorted; a number not in force is not part of it.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HASH_VERSION, canonicalJson, scenarioHash } from '../../src/scenario/hash.js';
import { loadScenario } from '../../src/scenario/load.js';
import { testDataset } from './dataset.js';

const dataset = testDataset();
const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-hash-'));

async function loadText(name: string, text: string) {
  writeFileSync(path.join(dir, `${name}.yaml`), text);
  return loadScenario(name, { scenariosDir: dir, dataset });
}

describe('the parameter hash', () => {
  it('is sha256 of the canonical JSON of {hashVersion, spec}: keys sorted at every level, undefined left out', () => {
    const spec = { z: 0.5, a: [1, { c: 'x', b: null, gone: undefined }] };
    // Worked by hand: the text below, hashed with `echo -n TEXT | sha256sum`.
    const text = '{"hashVersion":2,"spec":{"a":[1,{"b":null,"c":"x"}],"z":0.5}}';
    expect(HASH_VERSION).toBe(2);
    expect(canonicalJson({ hashVersion: HASH_VERSION, spec })).toBe(text);
    expect(scenarioHash(spec)).toBe('09a7ba1b3892e5a0139accd6db3145bc55fd091c770bd58a9f97c5e91445587c');
    expect(scenarioHash(spec)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('leaves out a number not in force: two trend scenarios that differ only in `demand.rate` hash alike', async () => {
    const a = await loadText('trend-a', 'demand: { method: trend, rate: 0.01 }\n');
    const b = await loadText('trend-b', 'demand: { method: trend, rate: 0.05 }\n');
    expect(a.spec.demand).not.toHaveProperty('rate');
    expect(a.hash).toBe(b.hash);
    // In force under `change`, the same values give different hashes.
    expect((await loadText('change-a', 'demand: { rate: 0.01 }\n')).hash).not.toBe((await loadText('change-b', 'demand: { rate: 0.05 }\n')).hash);
  });

  it('holds the flows keys only under `method: flows`, where they are in force', async () => {
    const change = await loadText('plain', 'demand: { rate: 0 }\n');
    expect(change.spec.demand).not.toHaveProperty('entriesChange');
    expect(change.spec.demand).not.toHaveProperty('meanYearsInCare');
    const flows = await loadText('flows', 'demand: { method: flows }\n');
    expect(flows.spec.demand).toMatchObject({ entriesChange: 0, meanYearsInCare: null, meanYearsInCareByLa: {}, extraEntries: 0, extraEntriesByLa: {} });
  });
});
