#!/usr/bin/env node
// docs/model.md §4.3's property "more usable places in an LA never lowers the share of that LA's children
// placed in their own region", measured on the shipped data (docs/methodology.md reports it): for
// every LA, type (foster, residential) and 1 or 5 new LA places opened there in the year after the
// base date, each year's share of the LA's market placements in its region against the run without
// them, the calibration held. Prints the LA-years where the share falls.
//   npm run build && node scripts/more-places.mjs [scenario]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (f) => import(path.join(ROOT, 'dist', f));
const { loadDatasetOrThrow } = await dist('io/dataset.js');
const { loadScenario } = await dist('scenario/load.js');
const { deterministicScenario } = await dist('scenario/resolve.js');
const { prepareChoice, runProjection } = await dist('model/project.js');
const { financialYear } = await dist('io/output.js');

const { dataset } = await loadDatasetOrThrow(path.join(ROOT, 'data', 'wales'));
const loaded = await loadScenario(process.argv[2] ?? 'baseline', { scenariosDir: path.join(ROOT, 'scenarios'), dataset });
const scenario = deterministicScenario(loaded, dataset);
const choice = prepareChoice(dataset, scenario);
const B = dataset.baseYear;
const tallies = (p, la) => p.years.filter((y) => !y.isBase).map((y) => ({ year: y.year, t: y.tallies.find((t) => t.laCode === la) }));
const without = runProjection(dataset, scenario, { choice });
let fell = 0;
let cases = 0;
let mostChildren = 0;
let worstShare = 0;
for (const la of dataset.localAuthorities.map((l) => l.code)) {
  for (const type of ['foster', 'residential']) {
    for (const places of [1, 5]) {
      const opened = { laCode: la, year: B + 1, action: 'open', placementType: type, sector: 'la', places, host: la };
      const withPlaces = runProjection({ ...dataset, strategies: [...dataset.strategies, opened] }, scenario, { choice });
      const after = tallies(withPlaces, la);
      tallies(without, la).forEach(({ year, t }, k) => {
        cases++;
        const u = after[k].t;
        const before = t.placedInRegion / t.marketPlaced;
        const now = u.placedInRegion / u.marketPlaced;
        if (now >= before - 1e-12) return;
        fell++;
        mostChildren = Math.max(mostChildren, t.placedInRegion - u.placedInRegion);
        worstShare = Math.max(worstShare, before - now);
        console.log(`${la} +${places} ${type} places: ${financialYear(year)} share in region ${before.toFixed(4)} → ${now.toFixed(4)} (${t.placedInRegion} → ${u.placedInRegion} of ${t.marketPlaced})`);
      });
    }
  }
}
console.log(`${fell} of ${cases} LA-years fall; at most ${mostChildren} children, ${(100 * worstShare).toFixed(1)} points`);
