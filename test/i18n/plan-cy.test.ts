// plan in Welsh: every item text that any LA's plan holds has its Welsh (no English left behind),
// for every LA of the Wales data in each year of the central scenario's first plans; the section
// titles and placement types too. The Markdown itself is pinned by the golden case
// test/cli/cases/plan-md-cy (plan --la Caerdydd --year 2027-28 --scenario central --format md --lang cy).
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow } from '../../src/io/dataset.js';
import { loadScenario } from '../../src/scenario/load.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';
import { runProjection } from '../../src/model/project.js';
import { planFigures } from '../../src/cli/plan-figures.js';
import { planCsv, planMarkdown } from '../../src/cli/render/plan.js';
import { planTextIn, regionNameIn } from '../../src/i18n/labels.js';

describe('plan --lang cy', () => {
  it('has the Welsh of every item of every LA’s plan, 2026-27 to 2030-31', async () => {
    const { dataset } = await loadDatasetOrThrow('data/wales');
    const loaded = await loadScenario('central', { scenariosDir: 'scenarios', dataset });
    const projection = runProjection(dataset, deterministicScenario(loaded, dataset));
    const names = {
      cy: new Map([
        ...dataset.localAuthorities.map((l) => [l.nameEn, l.nameCy] as const),
        ...dataset.regions.map((r) => [r.name, regionNameIn('cy', r.slug, r.name)] as const),
      ]),
    };
    const missing = new Set<string>();
    let items = 0;
    for (const la of dataset.localAuthorities) {
      for (const year of [2026, 2027, 2028, 2029, 2030]) {
        const f = planFigures(dataset, projection, la.code, year, { scenario: deterministicScenario(loaded, dataset), assumptions: [], estimated: [] });
        for (const r of f.rows) {
          items += 1;
          // Every row is keyed but a provider's (its name and id, as the data gives them); its Welsh
          // fills every placeholder and leaves no English item behind.
          if (r.text === undefined) {
            missing.add(`${r.section}: ${r.item}`);
            continue;
          }
          const cy = planTextIn('cy', r.text, names);
          if (/\{\w+\}/.test(cy) || (cy === r.item && !/^d\(iii\)\.provider$/.test(r.text.key))) missing.add(`${r.section}: ${r.item}`);
        }
        const md = planMarkdown(f, { scenario: 'central', title: '', version: 'x', lang: 'cy', names });
        expect(md).toContain(`## ${la.nameCy} (${la.code}): ffigurau’r cynllun digonolrwydd blynyddol`);
        expect(md).not.toMatch(/\| (foster|residential|secure) \|/);
        // The closing notes' own titles and definitions are Welsh too (the assumptions are the scenario's words).
        expect(md).toContain('### Diffiniadau');
        expect(md).not.toMatch(/### (Definitions|Assumptions in force|Base figures)|Usable places: |counts each child once|none: the data marks/);
      }
    }
    expect(items).toBeGreaterThan(1000);
    expect([...missing]).toEqual([]);
  });

  it('keeps the CSV columns, codes and placement type codes; item texts and the LA name are Welsh', async () => {
    const { dataset } = await loadDatasetOrThrow('data/wales');
    const loaded = await loadScenario('central', { scenariosDir: 'scenarios', dataset });
    const projection = runProjection(dataset, deterministicScenario(loaded, dataset));
    const f = planFigures(dataset, projection, 'W06000015', 2027, { scenario: deterministicScenario(loaded, dataset), assumptions: [], estimated: [] });
    const en = planCsv(f).split('\n');
    const cy = planCsv(f, { lang: 'cy', names: { cy: new Map() } }).split('\n');
    expect(cy[0]).toBe(en[0]);
    expect(cy.length).toBe(en.length);
    expect(cy[1]).toMatch(/^W06000015,Caerdydd,2027-28,a\(i\),plant sy’n derbyn gofal,,\d+,$/); // previous_value last: empty for a plan made without its previous year
    // Same codes, sections, types and values on every line: only la_name and item differ.
    const keep = (line: string) => line.split(',').filter((_c, i) => i !== 1 && i !== 4);
    for (let i = 1; i < en.length; i++) if (!en[i].includes('"') && !cy[i].includes('"')) expect(keep(cy[i])).toEqual(keep(en[i]));
  });
});
