// The shipped library compares like with like (docs/methodology.md, "The scenario library compares
// like with like"): each scenario extends the parent its role says, and differs from that parent,
// once extends is resolved, only in the keys its own file sets, which are the keys its name and
// title are about.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.js';
import { parametersThatDiffer } from '../../src/scenario/differ.js';
import { ROOT, testDataset } from './dataset.js';

const LIBRARY = path.join(ROOT, 'scenarios');
const dataset = testDataset();
const load = (name: string) => loadScenario(name, { scenariosDir: LIBRARY, dataset });
/** Keys that describe a scenario rather than set a parameter. */
const DESCRIPTIVE = new Set(['name', 'title', 'description', 'extends', 'assumptions']);

/**
 * Each shipped scenario: its parent, and the top-level keys (or `key.sub` keys) it may differ in.
 * One policy on the counterfactual extends baseline; a variant on the expected path extends central.
 */
const ROLES: Record<string, { parent: string | null; differsIn: string[] }> = {
  baseline: { parent: null, differsIn: [] },
  'eliminate-act': { parent: 'baseline', differsIn: ['policy', 'transitions', 'foster_wales.transfers_from_fp'] },
  'foster-wales-growth': { parent: 'baseline', differsIn: ['foster_wales.net_new_places', 'foster_wales.nation_need'] },
  'regional-homes': { parent: 'baseline', differsIn: ['regional_residential'] },
  central: { parent: 'eliminate-act', differsIn: ['demand', 'foster_wales.net_new_places', 'foster_wales.nation_need', 'regional_residential'] },
  'central-uncertain': { parent: 'central', differsIn: ['demand', 'transitions', 'foster_wales.net_new_places', 'turnover'] },
  'eliminate-fast-exit': { parent: 'central', differsIn: ['transitions'] },
  'england-tightens': { parent: 'central', differsIn: ['outside_wales.places', 'outside_wales.price_premium'] },
  prevention: { parent: 'central', differsIn: ['demand'] },
  'regional-homes-delayed': { parent: 'central', differsIn: ['regional_residential'] },
};

/**
 * The keys a file sets itself, as `key` for a list or value and `key.sub` inside a map; setting a
 * map's `method` sets the whole map (the other method's keys go out of force: `demand.rate` under flows).
 */
function ownKeys(file: string): string[] {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.entries(doc)
    .filter(([k]) => !DESCRIPTIVE.has(k))
    .flatMap(([k, v]) => {
      const isMap = v !== null && typeof v === 'object' && !Array.isArray(v) && !('value' in v) && !/^\d/.test(Object.keys(v)[0] ?? '');
      if (!isMap) return [k];
      const subs = Object.keys(v);
      return subs.includes('method') ? [k] : subs.map((s) => `${k}.${s}`);
    });
}

const under = (p: string, key: string): boolean => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`);

describe('the shipped scenario library', () => {
  const files = readdirSync(LIBRARY).filter((f) => f.endsWith('.yaml'));

  it('has a role for every shipped scenario', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(ROLES).sort());
  });

  for (const file of files) {
    const name = file.replace(/\.yaml$/, '');
    it(`${name} extends its parent and differs from it only in the keys its own file sets`, async () => {
      const role = ROLES[name];
      const doc = parse(readFileSync(path.join(LIBRARY, file), 'utf8')) as Record<string, unknown>;
      expect(doc.extends ?? null).toBe(role.parent);
      if (role.parent === null) return;
      const [child, parent] = await Promise.all([load(name), load(role.parent)]);
      const differ = parametersThatDiffer(parent, child).map((d) => d.path);
      const own = ownKeys(path.join(LIBRARY, file));
      // Every difference is under a key the file sets, and under a key its role names.
      for (const p of differ) {
        expect(own.some((k) => under(p, k)), `${name}: ${p} differs but the file does not set it`).toBe(true);
        expect(role.differsIn.some((k) => under(p, k)), `${name}: ${p} differs but its name and title are not about it`).toBe(true);
      }
      expect(differ.length, `${name} sets nothing that differs from ${role.parent}`).toBeGreaterThan(0);
    });
  }
});
