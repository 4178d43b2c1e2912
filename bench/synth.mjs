#!/usr/bin/env node
// A synthetic, England-shaped data package for the benchmark (docs/performance.md): by default 152
// LAs, about 84,000 children looked after and about 2,500 providers, seeded, so that anyone can
// reproduce the figures. It is a valid data package (docs/model.md §3) that `sufficiency validate`
// accepts, and since the geography comes from the data (docs/model.md §3.1) it is honestly England's shape:
// the nine English regions with as many LAs each as England has (London 33, North West 23, ...),
// scattered around each region's centre inside England's extent (latitude 49.9 to 55.8, longitude
// -5.7 to 1.8; London's boroughs close together), E-style codes (E09 for London, else E06, E08 and
// E10 in turn), and `"nation": {"code": "E92000001", "name": "England"}` in datapackage.json. The
// names and places are made up; the counts of LAs, children, providers and (placing LA, host LA)
// pairs, which the run time depends on, are England's.
//
//   npm run build && node bench/synth.mjs --out /tmp/england [--las 152] [--children 84000] [--providers-per-la 16.4] [--seed 1]
//
// With --las N and no --children, children scale with N (about 553 per LA), as the growth benchmark
// needs: children per LA held about constant.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { streamFor } from '../dist/model/random.js';

// The nine regions of England: their LAs with children's services (152 in all) and a rough centre.
// `spread` (degrees) is how far LAs scatter around it: London's 33 boroughs lie close together.
const REGIONS = [
  { name: 'North East', las: 12, lat: 54.85, lon: -1.65, spread: 0.35 },
  { name: 'North West', las: 23, lat: 53.75, lon: -2.6, spread: 0.45 },
  { name: 'Yorkshire and The Humber', las: 15, lat: 53.8, lon: -1.3, spread: 0.45 },
  { name: 'East Midlands', las: 9, lat: 52.9, lon: -0.95, spread: 0.5 },
  { name: 'West Midlands', las: 14, lat: 52.45, lon: -2.1, spread: 0.45 },
  { name: 'East of England', las: 11, lat: 52.2, lon: 0.45, spread: 0.55 },
  { name: 'London', las: 33, lat: 51.5, lon: -0.12, spread: 0.12 },
  { name: 'South East', las: 19, lat: 51.25, lon: -0.75, spread: 0.55 },
  { name: 'South West', las: 16, lat: 50.85, lon: -3.3, spread: 0.75 },
];
const NATION = { code: 'E92000001', name: 'England' };
const BASE_YEAR = 2025;
const CHILDREN_PER_LA = 84000 / 152;

const { values: opts } = parseArgs({
  options: {
    out: { type: 'string' },
    las: { type: 'string', default: '152' },
    children: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!opts.out) {
  process.stderr.write('usage: node bench/synth.mjs --out DIR [--las 152] [--children 84000] [--seed 1]\n');
  process.exit(2);
}

export function synthesise({ las: nLas, children: totalChildren, seed }) {
  const random = streamFor(seed, 0, 'bench/synth');
  const uniform = (a, b) => a + (b - a) * random();
  const normal = (m, sd) => m + sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = (xs) => xs[Math.floor(random() * xs.length)];

  // --- LAs: as many per region as England has (scaled to --las), scattered around its centre.
  const perRegion = shareOut(nLas, REGIONS.map((r) => r.las));
  const las = [];
  let other = 0;
  REGIONS.forEach((r, ri) => {
    for (let k = 0; k < perRegion[ri]; k++) {
      const lat = round(Math.min(55.8, Math.max(49.9, normal(r.lat, r.spread))), 4);
      const lon = round(Math.min(1.8, Math.max(-5.7, normal(r.lon, r.spread * 1.4))), 4);
      const i = las.length + 1;
      // E09 London boroughs; elsewhere unitary (E06), metropolitan (E08) and county (E10) codes in turn.
      const prefix = r.name === 'London' ? 'E09' : ['E06', 'E08', 'E10'][other++ % 3];
      const code = `${prefix}${String(i).padStart(6, '0')}`;
      const areaKm2 = round(r.name === 'London' ? uniform(15, 150) : Math.exp(normal(Math.log(900), 0.8)), 1);
      las.push({ code, nameEn: `Synthshire ${i}`, nameCy: `Synthshire ${i}`, region: r.name, lat, lon, areaKm2 });
    }
  });
  const nearest = new Map(las.map((a) => [a.code, las.filter((b) => b !== a).sort((x, y) => km(a, x) - km(a, y) || (x.code < y.code ? -1 : 1)).slice(0, 8)]));

  // --- Children looked after at the base date, by LA, then by type (England's mix, jittered).
  const childrenByLa = shareOut(totalChildren, las.map(() => Math.exp(normal(0, 0.45))));
  const MIX = { foster: 0.68, residential: 0.12, secure: 0.003, kinship: 0.07, parents: 0.06, adoption: 0.03, independent: 0.02, other: 0.017 };
  const SECTORS = {
    foster: { la: 0.52, nfp: 0.1, fp: 0.38 },
    residential: { la: 0.18, nfp: 0.05, fp: 0.77 },
    secure: { la: 1 },
  };
  const secureHosts = las.filter((_, i) => i % Math.max(1, Math.round(nLas / 14)) === 0).map((l) => l.code);
  const placements = []; // [la, type, sector, host, children]
  const atHost = new Map(); // `${host}|${type}|${sector}` -> children
  las.forEach((la, i) => {
    const types = Object.keys(MIX);
    const byType = shareOut(childrenByLa[i], types.map((t) => MIX[t] * uniform(0.8, 1.2)));
    types.forEach((type, ti) => {
      if (byType[ti] === 0) return;
      if (!(type in SECTORS)) {
        placements.push([la.code, type, '', '', byType[ti]]);
        return;
      }
      const sectors = Object.keys(SECTORS[type]);
      const bySector = shareOut(byType[ti], sectors.map((s) => SECTORS[type][s]));
      sectors.forEach((sector, si) => {
        if (bySector[si] === 0) return;
        const hosts = hostSplit(la, type, sector);
        const byHost = shareOut(bySector[si], hosts.map((h) => h[1]));
        hosts.forEach(([host], hi) => {
          if (byHost[hi] === 0) return;
          placements.push([la.code, type, sector, host, byHost[hi]]);
          if (host !== 'OUTSIDE_WALES') atHost.set(`${host}|${type}|${sector}`, (atHost.get(`${host}|${type}|${sector}`) ?? 0) + byHost[hi]);
        });
      });
    });
  });

  function hostSplit(la, type, sector) {
    const near = nearest.get(la.code);
    if (type === 'secure') {
      const host = [...secureHosts].sort((a, b) => km(la, laByCode(a)) - km(la, laByCode(b)))[0];
      return [[host, 1]];
    }
    if (sector === 'la') return type === 'foster' ? [[la.code, 0.92], ...near.slice(0, 3).map((n) => [n.code, 0.08 / 3])] : [[la.code, 0.8], ...near.slice(0, 2).map((n) => [n.code, 0.1])];
    const out = sector === 'fp' ? (type === 'foster' ? 0.05 : 0.1) : 0;
    const own = type === 'foster' ? 0.55 : 0.35;
    const k = type === 'foster' ? 4 : 6;
    return [[la.code, own], ...near.slice(0, k).map((n, j) => [n.code, ((1 - own - out) * (k - j)) / ((k * (k + 1)) / 2)]), ...(out > 0 ? [['OUTSIDE_WALES', out]] : [])];
  }
  function laByCode(code) {
    return las.find((l) => l.code === code);
  }

  // --- Providers: enough places at each host for the children there, plus vacancies, in
  // providers of a typical size (LA fostering services whole, agencies of about 60 carers'
  // places, children's homes of 6 to 8).
  const SIZE = { foster: { la: Infinity, nfp: 60, fp: 60 }, residential: { la: 8, nfp: 8, fp: 6 }, secure: { la: 24 } };
  const providers = [];
  const keys = [...atHost.keys()].sort();
  for (const key of keys) {
    const [host, type, sector] = key.split('|');
    const children = atHost.get(key);
    const places = Math.ceil(children / uniform(0.78, 0.92)) + (random() < 0.3 ? Math.ceil(uniform(0, 4)) : 0);
    const n = Math.max(1, Math.min(places, Math.round(places / SIZE[type][sector])));
    const sizes = shareOut(places - n, Array.from({ length: n }, () => uniform(0.5, 1.5))).map((s) => s + 1);
    sizes.forEach((s) => {
      const id = `P${String(providers.length + 1).padStart(5, '0')}`;
      providers.push([id, `Synthetic ${sector} ${type} provider ${providers.length + 1}`, sector, host, type, s]);
    });
  }

  // --- Demand history: five 31 Marches ending at the base date, growing about 2% a year.
  const demand = [];
  las.forEach((la, i) => {
    const growth = normal(0.02, 0.02);
    for (let y = BASE_YEAR - 4; y <= BASE_YEAR; y++) {
      const c = y === BASE_YEAR ? childrenByLa[i] : Math.max(0, Math.round((childrenByLa[i] / (1 + growth) ** (BASE_YEAR - y)) * uniform(0.98, 1.02)));
      demand.push([la.code, `${y}-03-31`, c]);
    }
  });

  // --- Strategies: about half the LAs open a small home, most recruit foster carers.
  const strategies = [];
  for (const la of las) {
    if (random() < 0.5) strategies.push([la.code, pick([2026, 2027, 2028]), 'open', 'residential', 'la', pick([2, 3, 4]), la.code, 'synthetic new home']);
    if (random() < 0.8) strategies.push([la.code, 2026, 'recruit', 'foster', 'la', Math.round(uniform(3, 20)), la.code, 'synthetic recruitment']);
  }

  const COSTS = { foster: { la: 480, nfp: 950, fp: 1050 }, residential: { la: 5200, nfp: 5800, fp: 6400 }, secure: { la: 9000, nfp: 9000, fp: 9000 } };
  const costs = [];
  for (const type of Object.keys(COSTS)) {
    for (const sector of ['la', 'nfp', 'fp']) {
      costs.push([type, sector, 'in_wales', COSTS[type][sector], 2024]);
      costs.push([type, sector, 'outside_wales', Math.round(COSTS[type][sector] * 1.1), 2024]);
    }
  }

  return {
    'local_authorities.csv': table(['la_code', 'name_en', 'name_cy', 'region', 'lat', 'lon', 'area_km2'], las.map((l) => [l.code, l.nameEn, l.nameCy, l.region, l.lat, l.lon, l.areaKm2])),
    'placements.csv': table(['la_code', 'placement_type', 'sector', 'host', 'children'], placements),
    'providers.csv': table(['provider_id', 'provider_name', 'sector', 'host', 'placement_type', 'places'], providers),
    'demand_history.csv': table(['la_code', 'as_at', 'children'], demand),
    'strategies.csv': table(['la_code', 'year', 'action', 'placement_type', 'sector', 'places', 'host', 'note'], strategies),
    'costs.csv': table(['placement_type', 'sector', 'location', 'weekly_cost_gbp', 'price_year'], costs),
    summary: { las: nLas, children: totalChildren, providers: providers.length, placementRows: placements.length },
  };
}

/** Shares `total` over `weights` as whole numbers by largest remainder (ties by position). */
function shareOut(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

function km(a, b) {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const table = (header, rows) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';

const las = Number(opts.las);
const out = synthesise({ las, children: opts.children ? Number(opts.children) : Math.round(las * CHILDREN_PER_LA), seed: Number(opts.seed) });
mkdirSync(opts.out, { recursive: true });
const resources = ['local_authorities', 'placements', 'providers', 'demand_history', 'strategies', 'costs'];
for (const r of resources) writeFileSync(path.join(opts.out, `${r}.csv`), out[`${r}.csv`]);
writeFileSync(
  path.join(opts.out, 'datapackage.json'),
  JSON.stringify(
    {
      name: `synthetic-${las}-las`,
      title: `Synthetic England-shaped data package: ${las} LAs (bench/synth.mjs, seed ${opts.seed})`,
      nation: NATION,
      resources: resources.map((name) => ({ name, path: `${name}.csv` })),
    },
    null,
    2,
  ) + '\n',
);
process.stdout.write(`${opts.out}: ${out.summary.las} LAs, ${out.summary.children} children, ${out.summary.providers} providers, ${out.summary.placementRows} placement rows\n`);
