#!/usr/bin/env node
// A synthetic, England-sized data package for the benchmark (docs/performance.md): by default 152
// LAs, about 84,000 children looked after and about 2,500 providers, seeded, so that anyone can
// reproduce the figures. It is a valid data package (SPEC.md section 3) that `sufficiency validate`
// accepts, which means it has to look Welsh to the loader: LA codes W069xxxxx, the seven regional
// partnership board slugs as regions, centroids inside the box the loader allows for Wales (latitude
// 51 to 54, longitude -6 to -2). The box is smaller than England, so LAs sit closer together than
// England's do; the number of LAs, children, providers and (placing LA, host LA) pairs is what the
// run time depends on, and those are England's.
//
//   npm run build && node bench/synth.mjs --out /tmp/england [--las 152] [--children 84000] [--providers-per-la 16.4] [--seed 1]
//
// With --las N and no --children, children scale with N (about 553 per LA), as the growth benchmark
// needs: children per LA held about constant.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { streamFor } from '../dist/model/random.js';

const REGIONS = ['north-wales', 'west-wales', 'west-glamorgan', 'cwm-taf-morgannwg', 'cardiff-and-vale', 'gwent', 'powys'];
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

  // --- LAs: scattered over the box, each region the LAs nearest one of seven centres.
  const centres = REGIONS.map((_, i) => ({ lat: 51.4 + (i % 3) * 1.1 + uniform(-0.2, 0.2), lon: -5.4 + Math.floor(i / 3) * 1.4 + uniform(-0.2, 0.2) }));
  const las = [];
  for (let i = 0; i < nLas; i++) {
    const lat = round(uniform(51.05, 53.95), 4);
    const lon = round(uniform(-5.9, -2.1), 4);
    let region = 0;
    for (let r = 1; r < centres.length; r++) if (km({ lat, lon }, centres[r]) < km({ lat, lon }, centres[region])) region = r;
    const code = `W069${String(i + 1).padStart(5, '0')}`;
    las.push({ code, nameEn: `Synthshire ${i + 1}`, nameCy: `Sir Synth ${i + 1}`, region: REGIONS[region], lat, lon, areaKm2: round(Math.exp(normal(Math.log(500), 0.8)), 1) });
  }
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
  JSON.stringify({ name: `synthetic-${las}-las`, title: `Synthetic data package: ${las} LAs (bench/synth.mjs, seed ${opts.seed})`, resources: resources.map((name) => ({ name, path: `${name}.csv` })) }, null, 2) + '\n',
);
process.stdout.write(`${opts.out}: ${out.summary.las} LAs, ${out.summary.children} children, ${out.summary.providers} providers, ${out.summary.placementRows} placement rows\n`);
