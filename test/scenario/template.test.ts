// The scenario template (`sufficiency template --scenario FILE`, docs/methodology.md "Writing a
// scenario"): generated from the registry, it extends central and changes nothing as written, and
// each key uncommented takes effect. The CLI's refusals run against the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { REGISTRY } from '../../src/scenario/registry.js';
import { centralValues, scenarioTemplate } from '../../src/scenario/template.js';
import { ROOT, testDataset } from './dataset.js';

const dataset = testDataset();
const LIBRARY = path.join(ROOT, 'scenarios');
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'sufficiency-template-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/sufficiency.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scenarioTemplate', () => {
  const text = scenarioTemplate('my-scenario');

  it('names every key of the registry, commented, with its default', () => {
    for (const row of REGISTRY) {
      const leaf = row.path.slice(row.path.lastIndexOf('.') + 1).replace('[]', '');
      const written = row.path.includes('[].') ? `# ${leaf}: ` : `${leaf}:`;
      expect(text, row.path).toContain(written);
    }
    // turnover.residential: the registry's default 0.45, said and shown
    expect(text).toContain(
      '#   # Share of continuing residential placements that end in a year. Kind: share (0 to 1); written\n' +
        '#   # as number, distribution, year map. Default: 0.45.\n' +
        '#   residential: 0.45\n',
    );
  });

  it('changes nothing as written: the same resolved parameters (hash) as the shipped central', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'my-scenario.yaml'), text);
    const mine = await loadScenario(path.join(dir, 'my-scenario.yaml'), { scenariosDir: dir, dataset });
    const central = await loadScenario('central', { scenariosDir: LIBRARY, dataset });
    expect(mine.name).toBe('my-scenario');
    expect(mine.files.map((f) => path.relative(ROOT, f)).slice(1, 2)).toEqual(['scenarios/central.yaml']);
    expect(mine.warnings).toEqual([]);
    expect(mine.hash).toBe(central.hash);
  });

  it('a key uncommented by deleting its "# " takes effect, its description staying a comment', async () => {
    const dir = tmp();
    // turnover: and residential: uncommented; the description lines become "  # ..." comments.
    const edited = text.replace('# turnover:\n', 'turnover:\n').replace(/^# {3}# (.*)$/gm, '  # $1').replace('#   residential: 0.45', '  residential: 0.5');
    writeFileSync(path.join(dir, 'edited.yaml'), edited);
    const loaded = await loadScenario(path.join(dir, 'edited.yaml'), { scenariosDir: dir, dataset });
    expect((loaded.spec as { turnover: { residential: number } }).turnover.residential).toBe(0.5);
  });
});

describe("central's values in the template", () => {
  it('writes what central sets as YAML that gives central back: every value and list, written out, has central\'s hash', async () => {
    const central = await loadScenario('central', { scenariosDir: LIBRARY, dataset });
    const { values, items } = centralValues(central.parameters);
    // Each value under its map, each list with its items, over `extends: central`.
    // Nested to any depth (one_off_costs.open.residential is three keys deep).
    type Tree = Map<string, Tree | string>;
    const tree: Tree = new Map();
    for (const [p, v] of values) {
      const keys = p.split('.');
      let node = tree;
      for (const k of keys.slice(0, -1)) {
        if (!(node.get(k) instanceof Map)) node.set(k, new Map());
        node = node.get(k) as Tree;
      }
      node.set(keys[keys.length - 1], v);
    }
    const lines = (t: Tree, indent: string): string[] =>
      [...t].flatMap(([k, v]) => (v instanceof Map ? [`${indent}${k}:`, ...lines(v, `${indent}  `)] : [`${indent}${k}: ${v}`]));
    const yaml = ['extends: central', ...lines(tree, '')];
    for (const [list, its] of items) yaml.push(`${list}:\n${its.map((i) => `  - ${i}`).join('\n')}`);
    const dir = tmp();
    writeFileSync(path.join(dir, 'written-out.yaml'), `${yaml.join('\n')}\n`);
    const written = await loadScenario(path.join(dir, 'written-out.yaml'), { scenariosDir: dir, dataset });
    expect(written.hash).toBe(central.hash);
    // and it is not an empty check: central sets its demand rate, Foster Wales growth and 4 transitions
    expect(values.get('demand.rate')).toBe('{ 2024: 0, 2026: -0.01 }');
    expect(values.get('occupancy.foster')).toBe('{ la: 0.84, nfp: 0.82, fp: 0.79 }');
    expect(items.get('transitions')).toHaveLength(4);
  });

  it("shows central's value after a key central sets, so that uncommenting it changes nothing", async () => {
    const central = await loadScenario('central', { scenariosDir: LIBRARY, dataset });
    const text = scenarioTemplate('mine', centralValues(central.parameters));
    expect(text).toContain('Default: 0; central: 0.03.\n# inflation: 0.03\n');
    expect(text).toContain("#   # central's 4 rows: a list replaces the inherited one whole");
    expect(text).toContain('#   - { year: 2027, sector: fp, placement_type: residential, exit: 0.1, convert: 0.2 }');
  });
});

describe('sufficiency template --scenario FILE', () => {
  it('writes a file that validates as written, and refuses to write over it again without --force', () => {
    const file = path.join(tmp(), 'mine.yaml');
    const first = cli('template', '--scenario', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('wrote a scenario that extends central');
    expect(cli('validate', '--scenario', file)).toMatchObject({ code: 0 });
    const before = readFileSync(file, 'utf8');
    const again = cli('template', '--scenario', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists; choose a new name or add --force');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(cli('template', '--scenario', file, '--force').code).toBe(0);
  });

  it('refuses to write over a shipped scenario (an input of every run), even with --force', () => {
    const central = path.join(LIBRARY, 'central.yaml');
    const before = readFileSync(central, 'utf8');
    const r = cli('template', '--scenario', central, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('it is among the shipped scenarios');
    expect(readFileSync(central, 'utf8')).toBe(before);
  });

  it('refuses a name the loader would not read as a scenario, and a folder beside --scenario', () => {
    const dir = tmp();
    expect(cli('template', '--scenario', path.join(dir, 'mine.txt'))).toMatchObject({ code: 2 });
    expect(existsSync(path.join(dir, 'mine.txt'))).toBe(false);
    expect(cli('template', dir, '--scenario', path.join(dir, 'x.yaml')).err).toContain('not both');
  });
});
