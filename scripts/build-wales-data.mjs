#!/usr/bin/env node
// Builds the default Wales data package (data/wales/) from the public facts with sources in
// ../shared/reference/wales/ (relative to the repository). Run: node scripts/build-wales-data.mjs
//
// Everything here is deterministic: the same reference files give byte-identical output. The
// published figures are copied; everything else is derived from them by the documented rules below
// (SOURCES.md explains each one, with the IDs D1..D12 used in the `source` columns).
//
// Only node built-ins and csv-parse / csv-stringify are used.
import { readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REF = path.join(repoRoot, '..', 'shared', 'reference', 'wales');
const OUT = path.join(repoRoot, 'data', 'wales');

const BASE_YEAR = 2024;
const BASE_DATE = '2024-03-31';

// ------------------------------------------------------------------------------------------------
// Published Wales figures at 31 March 2024 (S11 unless said) and the build's documented assumptions.

const WALES_CLA = 7198; // S11
const TYPE_TOTALS = {
  // placements_by_type.csv, 2024 rows (S11 derived; E5, E6 estimates), with E6's 235
  // "independent living / other" split by D3.
  kinship: 1667, // 34.2% of foster (S11)
  parents: 1130, // E6
  foster: 3206, // 4873 foster (67.7%, S11) minus kinship: LA 1972 + IFA 1234 (E5)
  residential: 720, // E6
  secure: 15, // E6
  adoption: 225, // E6
  independent: 140, // D3: 235 independent living / other split 140 : 95
  other: 95, // D3
};
const FOSTER_LA = 1972; // E5
const FOSTER_IFA = 1234; // E5
const FOSTER_FP_SHARE_OF_NONKIN = 0.35; // S17;S18: 35% of fostering placements with private providers
const RES_FP_SHARE = 0.87; // S17: 87% of children's-home placements with private providers
const RES_LA_CHILDREN = 72; // D4: rest of the 13% split LA : nfp in proportion to E7's 12 : 3 places, LA homes fuller
const OWN_LA_SHARE = 0.656; // S11
const CHILDRENS_HOME_PLACES = 1070; // S16 1,068 (July 2022), S24 1,084 (2020-21): about 1,070
const CH_PLACES_FP_SHARE = 0.85; // S16
const CH_PLACES_LA_SHARE = 0.12; // E7
const HILLSIDE_PLACES = 18; // S26 (TES 2006: 18 places); "~22" in raw notes is unsourced
const FOSTER_HOUSEHOLDS = 3800; // S27
const FOSTER_HOUSEHOLDS_LA_SHARE = 0.71; // S27
const KINSHIP_CHILDREN_PER_HOUSEHOLD = 1.4; // D8
const PLACES_PER_LA_HOUSEHOLD = 1.5; // D8: LA (Foster Wales) mainstream households
const PLACES_PER_IFA_HOUSEHOLD = 1.45; // D8: IFA households' places, English LAs' children in them included (D15)
// S59: about 540 children looked after by English (and other) authorities were placed in Wales at
// 31 March 2024. Split by type and sector by assumption (D15): mostly private children's homes (the
// growth of private homes in Wales "partly driven by children referred by councils in England") and IFAs;
// Hillside takes a few English children under the secure welfare arrangements.
const EXTERNAL_SPLIT = { 'residential|fp': 290, 'residential|nfp': 10, 'foster|fp': 210, 'foster|nfp': 24, 'secure|la': 6 };
const IFA_FP_SHARE = 1122 / 1234; // D5: 35% x 3206 non-kin foster = 1122 fp of the 1234 IFA

// D6: share of each non-market type living inside the child's own LA, the weights by which each LA's
// non-market children at home (D2's own-LA count less its market children there) are shared over
// the types. The rest live elsewhere in Wales (host not known: blank): all 530 children placed outside
// Wales sit in market rows (the model's placed_outside_wales counts market rows only).
export const NON_MARKET_OWN_LA_SHARE = { kinship: 0.8, parents: 0.9, adoption: 0.4, independent: 0.7, other: 0.5 };

// D7: which LAs had no LA children's home at 31 March 2024 (S16 says nine were wholly reliant on
// private homes but does not name them; chosen from the LAs the reference shows developing their
// first homes after 2024 (S48, S49, S50, S53) and, for the rest, estimated).
const NO_LA_HOME = new Set([
  'W06000002', // Gwynedd: developing its first small-group home (S53)
  'W06000004', // Denbighshire: uses the Conwy-led assessment centre (S46)
  'W06000005', // Flintshire (estimate)
  'W06000008', // Ceredigion (estimate)
  'W06000009', // Pembrokeshire (estimate)
  'W06000024', // Merthyr Tydfil (estimate)
  'W06000019', // Blaenau Gwent: all residential placements outside the county (S48)
  'W06000020', // Torfaen: opened its own small home in 2025 (S49)
  'W06000021', // Monmouthshire: starting its own homes (S50)
]);
const NPT = 'W06000012'; // Hillside secure children's home (S26)
const CARMARTHENSHIRE = 'W06000010'; // does not use private residential homes (S60)

const REGION_SLUG = {
  'North Wales': 'north-wales',
  'West Wales': 'west-wales',
  'West Glamorgan': 'west-glamorgan',
  'Cwm Taf Morgannwg': 'cwm-taf-morgannwg',
  'Cardiff and Vale': 'cardiff-and-vale',
  Gwent: 'gwent',
  Powys: 'powys',
};

// ------------------------------------------------------------------------------------------------
// Helpers.

const readCsv = (name) => parse(readFileSync(path.join(REF, name), 'utf8'), { columns: true, skip_empty_lines: true });

function writeCsv(rel, columns, rows) {
  const file = path.join(OUT, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = stringify(rows.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? '' : r[c]))), {
    header: true,
    columns,
    record_delimiter: '\n',
  });
  writeFileSync(file, text);
}

/** Largest-remainder rounding of non-negative weights to an integer total; ties by index. Caps optional. */
function apportion(total, weights, caps = null) {
  const n = weights.length;
  const out = new Array(n).fill(0);
  let left = total;
  let active = weights.map((w, i) => (w > 0 && (caps === null || caps[i] > 0) ? i : -1)).filter((i) => i >= 0);
  // Cells that would exceed their cap are fixed at the cap, and the rest re-shared.
  for (;;) {
    const sum = active.reduce((s, i) => s + weights[i], 0);
    if (sum <= 0 || left <= 0) break;
    const over = caps === null ? [] : active.filter((i) => (left * weights[i]) / sum > caps[i] - out[i] + 1e-9);
    if (over.length === 0) break;
    for (const i of over) {
      left -= caps[i] - out[i];
      out[i] = caps[i];
    }
    active = active.filter((i) => !over.includes(i));
  }
  const sum = active.reduce((s, i) => s + weights[i], 0);
  if (sum > 0 && left > 0) {
    const exact = active.map((i) => (left * weights[i]) / sum);
    const floors = exact.map((x) => Math.floor(x + 1e-9));
    let rest = left - floors.reduce((a, b) => a + b, 0);
    active.forEach((i, k) => (out[i] += floors[k]));
    const order = active
      .map((i, k) => ({ i, r: exact[k] - floors[k] }))
      .sort((a, b) => b.r - a.r || a.i - b.i);
    for (const { i } of order) {
      if (rest <= 0) break;
      if (caps !== null && out[i] >= caps[i]) continue;
      out[i] += 1;
      rest -= 1;
    }
    left = rest;
  }
  if (left > 0 && caps !== null) {
    // Cap-bound: give what is left to any cell with room, in index order.
    for (let i = 0; i < n && left > 0; i++) {
      const room = caps[i] - out[i];
      const add = Math.min(room, left);
      out[i] += add;
      left -= add;
    }
  }
  if (left !== 0) throw new Error(`apportion: cannot place ${left} of ${total}`);
  return out;
}

/**
 * Integer matrix with the given row and column totals, close to the weights: iterative proportional
 * fitting, then rounding that keeps both margins (floors, then units to the largest fractions where
 * both the row and the column still lack one).
 */
function fitMatrix(weights, rowTotals, colTotals) {
  const R = rowTotals.length;
  const K = colTotals.length;
  const sumR = rowTotals.reduce((a, b) => a + b, 0);
  const sumC = colTotals.reduce((a, b) => a + b, 0);
  if (sumR !== sumC) throw new Error(`fitMatrix: rows sum to ${sumR}, columns to ${sumC}`);
  let m = weights.map((row) => row.map((w) => Math.max(w, 1e-6)));
  for (let it = 0; it < 500; it++) {
    m = m.map((row, i) => {
      const s = row.reduce((a, b) => a + b, 0);
      return row.map((x) => (s > 0 ? (x * rowTotals[i]) / s : 0));
    });
    for (let k = 0; k < K; k++) {
      const s = m.reduce((a, row) => a + row[k], 0);
      for (let i = 0; i < R; i++) m[i][k] = s > 0 ? (m[i][k] * colTotals[k]) / s : 0;
    }
  }
  const out = m.map((row) => row.map((x) => Math.floor(x + 1e-9)));
  const rowLack = rowTotals.map((t, i) => t - out[i].reduce((a, b) => a + b, 0));
  const colLack = colTotals.map((t, k) => t - out.reduce((a, row) => a + row[k], 0));
  const cells = [];
  for (let i = 0; i < R; i++) for (let k = 0; k < K; k++) cells.push({ i, k, r: m[i][k] - out[i][k] });
  cells.sort((a, b) => b.r - a.r || a.i - b.i || a.k - b.k);
  for (const pass of [0, 1]) {
    for (const c of cells) {
      if (pass === 0 && c.r <= 1e-9) continue;
      while (rowLack[c.i] > 0 && colLack[c.k] > 0) {
        out[c.i][c.k] += 1;
        rowLack[c.i] -= 1;
        colLack[c.k] -= 1;
        if (pass === 0) break;
      }
    }
  }
  if (rowLack.some((x) => x !== 0) || colLack.some((x) => x !== 0)) throw new Error('fitMatrix: margins not met');
  return out;
}

function haversineKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const slugify = (name) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function normStatus(s) {
  const t = (s ?? '').toLowerCase();
  if (t.startsWith('published')) return 'published';
  if (t.startsWith('derived')) return 'derived';
  return 'estimated';
}

// ------------------------------------------------------------------------------------------------
// Local authorities.

const laRef = readCsv('local_authorities.csv');
const LAS = laRef
  .map((r) => ({
    code: r.code,
    nameEn: r.name_en,
    nameCy: r.name_cy,
    region: REGION_SLUG[r.region],
    // The data holds the region's name; the tool slugs it (docs/model.md §3.1) and shows the name in outputs.
    regionName: r.region,
    lat: Number(r.lat),
    lon: Number(r.lon),
    area: Math.round(Number(r.area_km2)),
  }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
if (LAS.length !== 22 || LAS.some((l) => !l.region)) throw new Error('expected 22 LAs with known regions');
const CODES = LAS.map((l) => l.code);
const byCode = new Map(LAS.map((l) => [l.code, l]));
const idx = new Map(CODES.map((c, i) => [c, i]));

// ------------------------------------------------------------------------------------------------
// demand_history: 2015..2024 per LA; the 2024 column is made to sum to the published 7,198 (D1).

const claRef = readCsv('cla_by_la_year.csv').filter((r) => r.code !== 'W92000004');
const demand = claRef
  .map((r) => ({
    la_code: r.code,
    year: Number(r.year_31_march),
    children: Number(r.cla),
    status: normStatus(r.status),
    source: r.source_id,
    note: r.status.includes('(') ? r.status.replace(/^[a-z]+ ?/, '').replace(/^\(|\)$/g, '') : '',
  }))
  .sort((a, b) => a.year - b.year || (a.la_code < b.la_code ? -1 : 1));
const d2024 = demand.filter((d) => d.year === BASE_YEAR);
{
  let gap = d2024.reduce((s, d) => s + d.children, 0) - WALES_CLA;
  // D1: the per-LA 2024 figures (rounded to 5) sum to 7,200; the 2 over are taken from the largest
  // estimated (E1) LAs, one each.
  const estimated = d2024.filter((d) => d.status === 'estimated').sort((a, b) => b.children - a.children || (a.la_code < b.la_code ? -1 : 1));
  for (let i = 0; gap !== 0; i++) {
    const d = estimated[i % estimated.length];
    const step = gap > 0 ? 1 : -1;
    d.children -= step;
    gap -= step;
    d.source = `${d.source};D1`;
    d.note = `E1 estimate ${d.children + step} less ${step} so that Wales sums to the published ${WALES_CLA}`;
  }
}
const C = CODES.map((c) => d2024.find((d) => d.la_code === c).children);

// ------------------------------------------------------------------------------------------------
// Placement location per LA (S2 PAM CH/046-048, S5 foster inside own LA; E3 for nine LAs).

const locRef = new Map(readCsv('placement_location_2024_by_la.csv').filter((r) => r.code !== 'W92000004').map((r) => [r.code, r]));
const O = CODES.map((c) => Number(locRef.get(c).placed_outside_wales)); // CH/048, sums to 530
const E = CODES.map((c) => Number(locRef.get(c).placed_in_wales_outside_la)); // CH/047
const N = CODES.map((c) => Number(locRef.get(c).not_placed_with_parents_family_friends)); // CH/046
const F = CODES.map((c) => Number(locRef.get(c).foster_placed_inside_own_la)); // S5
const locStatus = CODES.map((c) => normStatus(locRef.get(c).location_status));
const OUTSIDE_TOTAL = O.reduce((a, b) => a + b, 0);
// D2: own-LA children per LA = CLA - outside Wales - elsewhere in Wales, with CH/047 scaled so that
// Wales reproduces S11's 65.6% (PAM's rounded per-LA figures imply 66.4%).
const ownTotal = Math.round(OWN_LA_SHARE * WALES_CLA);
const Escaled = apportion(WALES_CLA - OUTSIDE_TOTAL - ownTotal, E);
const OWN = CODES.map((_, i) => C[i] - O[i] - Escaled[i]);

// ------------------------------------------------------------------------------------------------
// Children by LA and placement type (D3): IPF of the LA totals against the Wales type totals.

const TYPES = ['kinship', 'parents', 'foster', 'residential', 'secure', 'adoption', 'independent', 'other'];
const PFF = ['kinship', 'parents']; // with parents, family or friends (CLA minus CH/046)
const pffTotal = TYPE_TOTALS.kinship + TYPE_TOTALS.parents;
const nonPffTotal = WALES_CLA - pffTotal;
// Residential anchors (D3): Cardiff 151 in residential care in 2022-23 (S52), Gwynedd about 20 (S53),
// Blaenau Gwent 12 (S48), against about 97, 25 and 20 pro rata.
const RES_ANCHOR = { W06000015: 1.55, W06000002: 0.8, W06000019: 0.6 };
const typeWeights = CODES.map((c, i) =>
  TYPES.map((t) => {
    if (PFF.includes(t)) return Math.max(C[i] - N[i], 1) * (TYPE_TOTALS[t] / pffTotal);
    let w = N[i] * (TYPE_TOTALS[t] / nonPffTotal);
    if (t === 'residential' && RES_ANCHOR[c]) w *= RES_ANCHOR[c];
    return w;
  }),
);
const byType = fitMatrix(typeWeights, C, TYPES.map((t) => TYPE_TOTALS[t]));
const T = (i, t) => byType[i][TYPES.indexOf(t)];

// Non-kin foster: LA carers vs IFA (D5). An LA's IFA use is inferred from how many of its foster
// children (kinship included) live outside it (S5), with LA carers ~15%, kinship ~20% and IFA carers
// ~75% outside (S15, S58), bounded to 15-70% of its non-kin foster; then fitted to E5's 1972 : 1234.
const fosterSplit = fitMatrix(
  CODES.map((_, i) => {
    const fos = T(i, 'foster');
    const kin = T(i, 'kinship');
    const outside = Math.max(0, fos + kin - F[i]);
    const ifa = Math.min(0.7 * fos, Math.max(0.15 * fos, (outside - 0.2 * kin - 0.15 * fos) / 0.6));
    return [fos - ifa, ifa];
  }),
  CODES.map((_, i) => T(i, 'foster')),
  [FOSTER_LA, FOSTER_IFA],
);
const ifaFp = Math.round(FOSTER_FP_SHARE_OF_NONKIN * TYPE_TOTALS.foster);
const ifaSplit = fitMatrix(
  CODES.map(() => [IFA_FP_SHARE, 1 - IFA_FP_SHARE]),
  fosterSplit.map((r) => r[1]),
  [ifaFp, FOSTER_IFA - ifaFp],
);
// Residential by sector (D4): 87% for-profit; LA homes only where the LA has one (a little use of
// a neighbour's LA home elsewhere); Carmarthenshire uses no private homes (S60), so mostly LA.
const resFp = Math.round(RES_FP_SHARE * TYPE_TOTALS.residential);
const resSplit = fitMatrix(
  CODES.map((c) => {
    if (c === CARMARTHENSHIRE) return [0.6, 0.1, 0.3];
    return [NO_LA_HOME.has(c) ? 0.01 : 0.1, 0.03, 0.87];
  }),
  CODES.map((_, i) => T(i, 'residential')),
  [RES_LA_CHILDREN, TYPE_TOTALS.residential - resFp - RES_LA_CHILDREN, resFp],
);

// Market groups per LA: [type, sector].
const GROUPS = [
  ['foster', 'la'],
  ['foster', 'nfp'],
  ['foster', 'fp'],
  ['residential', 'la'],
  ['residential', 'nfp'],
  ['residential', 'fp'],
  ['secure', 'la'],
];
const groupSize = CODES.map((_, i) => [
  fosterSplit[i][0],
  ifaSplit[i][1],
  ifaSplit[i][0],
  resSplit[i][0],
  resSplit[i][1],
  resSplit[i][2],
  T(i, 'secure'),
]);

// Outside Wales (D9): each LA's CH/048 count shared over its market groups by size x propensity.
const OUT_PROPENSITY = [0.03, 0.13, 0.13, 0.02, 0.4, 0.4, 0.4];
// At most these shares of a group go outside Wales unless the LA's CH/048 count needs more.
const OUT_MAX = [0.1, 0.35, 0.35, 0.5, 0.6, 0.6, 1];
const outside = CODES.map((_, i) => {
  const soft = groupSize[i].map((n, g) => Math.ceil(OUT_MAX[g] * n));
  const caps = soft.reduce((a, b) => a + b, 0) >= O[i] ? soft : groupSize[i];
  return apportion(O[i], groupSize[i].map((n, g) => n * OUT_PROPENSITY[g]), caps);
});
const inWales = CODES.map((_, i) => groupSize[i].map((n, g) => n - outside[i][g]));

// Own LA (D6, D10): market own-LA target = own-LA children (D2) less the non-market children counted
// in their own LA (D6). Foster's part follows S5 (foster inside own LA, kinship counted per D6).
const NON_MARKET = ['kinship', 'parents', 'adoption', 'independent', 'other'];
const own = CODES.map((c, i) => {
  const nonMarketOwn = NON_MARKET.reduce((s, t) => s + NON_MARKET_OWN_LA_SHARE[t] * T(i, t), 0);
  const marketInWales = inWales[i].reduce((a, b) => a + b, 0);
  const secureOwn = c === NPT ? inWales[i][6] : 0;
  const target = Math.min(marketInWales, Math.max(0, Math.round(OWN[i] - nonMarketOwn)));
  const fosterInWales = inWales[i][0] + inWales[i][1] + inWales[i][2];
  // Residential children who can be in their own LA: LA homes only where the LA has one.
  const resInWales = (NO_LA_HOME.has(c) ? 0 : inWales[i][3]) + inWales[i][4] + inWales[i][5];
  let fosterOwn = Math.min(fosterInWales, Math.max(0, Math.round(F[i] - NON_MARKET_OWN_LA_SHARE.kinship * T(i, 'kinship'))));
  let resOwn = Math.min(target, marketInWales - (NO_LA_HOME.has(c) ? inWales[i][3] : 0)) - secureOwn - fosterOwn;
  // Children's homes in an LA take few of its own children (Cardiff: 20 of 98 in 2022-23, S52):
  // at most 30% of its for-profit and not-for-profit residential children in Wales, 90% of its LA
  // homes' ones; the rest of the own-LA target goes to foster carers where they have room.
  const resOwnMax = Math.min(resInWales, Math.round(0.3 * (inWales[i][4] + inWales[i][5]) + (NO_LA_HOME.has(c) ? 0 : 0.9 * inWales[i][3])));
  if (resOwn > resOwnMax) {
    fosterOwn = Math.min(fosterInWales, fosterOwn + (resOwn - resOwnMax));
    resOwn = resOwnMax;
  }
  if (resOwn < 0) {
    fosterOwn = Math.max(0, fosterOwn + resOwn);
    resOwn = 0;
  }
  // Propensity to be placed in the own LA: LA carers/homes high, IFAs and private homes low.
  const prop = [0.85, 0.27, 0.27, NO_LA_HOME.has(c) ? 0 : 0.9, 0.3, 0.3, 0];
  const split = (members, want) => {
    const caps = members.map((g) => (prop[g] > 0 ? inWales[i][g] : 0));
    return apportion(want, members.map((g) => prop[g] * inWales[i][g]), caps);
  };
  const f = split([0, 1, 2], fosterOwn);
  const r = split([3, 4, 5], resOwn);
  return [...f, ...r, secureOwn];
});

// Elsewhere in Wales (D11): the rest of each in-Wales group, shared over other host LAs by a gravity
// rule: host attractiveness x exp(-distance / lambda).
const HOTSPOT = { W06000010: 2.0, W06000023: 1.5, W06000003: 1.3, W06000004: 1.3, W06000012: 1.2, W06000016: 1.2 };
const attract = (g, h) => {
  const la = LAS[h];
  const [type, sector] = GROUPS[g];
  if (type === 'secure') return la.code === NPT ? 1 : 0;
  if (type === 'residential' && sector === 'la') return NO_LA_HOME.has(la.code) ? 0 : C[h];
  if (type === 'residential') return Math.sqrt(C[h] * la.area) * (HOTSPOT[la.code] ?? 1) * (la.code === CARMARTHENSHIRE ? 1 : 1);
  return C[h];
};
const LAMBDA = { foster: 25, residential: 45, secure: 1e9 };
const TOP_HOSTS = 5;
const placementRows = [];
const hosted = new Map(); // `${host}|${sector}|${type}` -> children
const addHosted = (host, sector, type, n) => {
  const k = `${host}|${sector}|${type}`;
  hosted.set(k, (hosted.get(k) ?? 0) + n);
};
CODES.forEach((code, i) => {
  GROUPS.forEach(([type, sector], g) => {
    const source = {
      foster: sector === 'la' ? 'S11;S5;E5;D5;D10;D11' : 'S11;S17;S18;S5;E5;D5;D10;D11',
      residential: 'S17;E6;D3;D4;D10;D11',
      secure: 'S26;E6;D3',
    }[type];
    const rows = [];
    if (own[i][g] > 0) rows.push({ host: code, n: own[i][g] });
    const away = inWales[i][g] - own[i][g];
    if (away > 0) {
      const raw = LAS.map((h, j) => (j === i ? 0 : attract(g, j) * Math.exp(-haversineKm(LAS[i], h) / LAMBDA[type])));
      // Only the TOP_HOSTS most likely hosts (ties by code), so that rows stay few and readable.
      const keep = new Set(raw.map((w, j) => ({ w, j })).filter((x) => x.w > 0).sort((a, b) => b.w - a.w || a.j - b.j).slice(0, TOP_HOSTS).map((x) => x.j));
      const shares = apportion(away, raw.map((w, j) => (keep.has(j) ? w : 0)));
      shares.forEach((n, j) => n > 0 && rows.push({ host: CODES[j], n }));
    }
    if (outside[i][g] > 0) rows.push({ host: 'OUTSIDE_WALES', n: outside[i][g], out: true });
    for (const r of rows) {
      placementRows.push({
        la_code: code,
        placement_type: type,
        sector,
        host: r.host,
        children: r.n,
        provider_id: '',
        status: 'estimated',
        source: r.out ? `${source};S2;D9` : source,
      });
      if (!r.out) addHosted(r.host, sector, type, r.n);
    }
  });
  // D6: the LA's non-market children at home are what its own-LA count (D2) leaves after its market
  // children at home, shared over the types by D6's weights; each type's rest has a host not known.
  const marketOwn = own[i].reduce((a, b) => a + b, 0);
  const nonMarketN = NON_MARKET.map((t) => T(i, t));
  const atHome = Math.min(nonMarketN.reduce((a, b) => a + b, 0), Math.max(0, OWN[i] - marketOwn));
  const homeByType = apportion(atHome, NON_MARKET.map((t, k) => NON_MARKET_OWN_LA_SHARE[t] * nonMarketN[k]), nonMarketN);
  NON_MARKET.forEach((t, k) => {
    const source = PFF.includes(t) ? `S11;S2;E6;D3;D6` : 'E6;D3;D6';
    for (const [host, n] of [[code, homeByType[k]], ['', nonMarketN[k] - homeByType[k]]]) {
      if (n === 0) continue;
      placementRows.push({ la_code: code, placement_type: t, sector: '', host, children: n, provider_id: '', status: 'estimated', source });
    }
  });
});
const TYPE_ORDER = new Map(TYPES.map((t, k) => [t, k]));
const SECTOR_ORDER = new Map([['', 0], ['la', 1], ['nfp', 2], ['fp', 3]]);
placementRows.sort(
  (a, b) =>
    (a.la_code < b.la_code ? -1 : a.la_code > b.la_code ? 1 : 0) ||
    TYPE_ORDER.get(a.placement_type) - TYPE_ORDER.get(b.placement_type) ||
    SECTOR_ORDER.get(a.sector) - SECTOR_ORDER.get(b.sector) ||
    (a.host === b.host ? 0 : a.host === a.la_code ? -1 : b.host === b.la_code ? 1 : a.host < b.host ? -1 : 1),
);

// Self-checks: every LA's rows sum to its demand at the base date.
CODES.forEach((code, i) => {
  const s = placementRows.filter((r) => r.la_code === code).reduce((a, r) => a + r.children, 0);
  if (s !== C[i]) throw new Error(`${code}: placements ${s} != demand ${C[i]}`);
});

// ------------------------------------------------------------------------------------------------
// Providers (D7, D8, D12): capacity per host, sector and type; every host with children placed has
// at least as many places as children there.

const hostedAt = (h, sector, type) => hosted.get(`${CODES[h]}|${sector}|${type}`) ?? 0;
const kinshipHouseholds = Math.round(TYPE_TOTALS.kinship / KINSHIP_CHILDREN_PER_HOUSEHOLD);
const laMainstreamHouseholds = Math.round(FOSTER_HOUSEHOLDS * FOSTER_HOUSEHOLDS_LA_SHARE) - kinshipHouseholds;
const ifaHouseholds = FOSTER_HOUSEHOLDS - Math.round(FOSTER_HOUSEHOLDS * FOSTER_HOUSEHOLDS_LA_SHARE);
const placeTargets = {
  'foster|la': Math.round(laMainstreamHouseholds * PLACES_PER_LA_HOUSEHOLD),
  'foster|fp': Math.round(ifaHouseholds * PLACES_PER_IFA_HOUSEHOLD * IFA_FP_SHARE),
  'foster|nfp': Math.round(ifaHouseholds * PLACES_PER_IFA_HOUSEHOLD) - Math.round(ifaHouseholds * PLACES_PER_IFA_HOUSEHOLD * IFA_FP_SHARE),
  'residential|fp': Math.round(CHILDRENS_HOME_PLACES * CH_PLACES_FP_SHARE),
  'residential|la': Math.round(CHILDRENS_HOME_PLACES * CH_PLACES_LA_SHARE),
  'residential|nfp': CHILDRENS_HOME_PLACES - Math.round(CHILDRENS_HOME_PLACES * CH_PLACES_FP_SHARE) - Math.round(CHILDRENS_HOME_PLACES * CH_PLACES_LA_SHARE),
};
// Other authorities' children by host (D15): where the dataset's providers of that type and sector
// hold Welsh children (the services exist there), by largest remainder.
const externalAt = {};
for (const [key, total] of Object.entries(EXTERNAL_SPLIT)) {
  const [type, sector] = key.split('|');
  externalAt[key] = apportion(total, CODES.map((_, h) => hostedAt(h, sector, type)));
}
const externalHere = (h, sector, type) => externalAt[`${type}|${sector}`]?.[h] ?? 0;
const NFP_RES_HOSTS_MIN = 6; // a handful of charity-run homes
const placesAt = {}; // key -> array per host
for (const [key, target] of Object.entries(placeTargets)) {
  const [type, sector] = key.split('|');
  // Places must hold the Welsh children and the other authorities' children placed there.
  const kids = CODES.map((_, h) => hostedAt(h, sector, type) + externalHere(h, sector, type));
  let base = kids.slice();
  let extraWeights;
  if (type === 'foster') {
    // Spare places where carers are: in proportion to children there (+2 so that every LA has some).
    extraWeights = kids.map((k) => k + (sector === 'nfp' ? (k > 0 ? 1 : 0) : 2));
  } else if (sector === 'la') {
    // LA homes in the 13 LAs that have one: at least 4 places (one small home) each.
    base = kids.map((k, h) => (NO_LA_HOME.has(CODES[h]) ? k : Math.max(k, 4)));
    extraWeights = CODES.map((c, h) => (NO_LA_HOME.has(c) ? 0 : C[h]));
  } else if (sector === 'fp') {
    extraWeights = CODES.map((_, h) => attract(5, h));
  } else {
    // nfp homes: where children are placed, plus the largest nfp-free hosts up to NFP_RES_HOSTS_MIN.
    const withKids = kids.filter((k) => k > 0).length;
    const extraHosts = CODES.map((_, h) => h)
      .filter((h) => kids[h] === 0)
      .sort((a, b) => attract(4, b) - attract(4, a) || a - b)
      .slice(0, Math.max(0, NFP_RES_HOSTS_MIN - withKids));
    base = kids.map((k, h) => (extraHosts.includes(h) ? Math.max(k, 3) : k));
    extraWeights = kids.map((k, h) => (k > 0 || extraHosts.includes(h) ? k + 1 : 0));
  }
  const baseSum = base.reduce((a, b) => a + b, 0);
  if (baseSum > target) throw new Error(`${key}: ${baseSum} children/base places exceed the target ${target}`);
  const extra = apportion(target - baseSum, extraWeights);
  placesAt[key] = base.map((b, h) => b + extra[h]);
}

const SECTOR_WORD = { la: 'LA', nfp: 'not-for-profit', fp: 'for-profit' };
const TYPE_CODE = { foster: 'FOS', residential: 'RES', secure: 'SEC' };
const providerRows = [];
for (const [key, arr] of Object.entries(placesAt)) {
  const [type, sector] = key.split('|');
  arr.forEach((places, h) => {
    if (places === 0) return;
    const la = LAS[h];
    const count = sector === 'la' ? 1 : places <= 15 ? 1 : places <= 45 ? 2 : 3;
    const parts = apportion(places, new Array(count).fill(1));
    const what =
      type === 'foster'
        ? sector === 'la'
          ? 'LA foster carers (Foster Wales)'
          : `${SECTOR_WORD[sector]} fostering agency carers`
        : `${SECTOR_WORD[sector]} children's homes`;
    parts.forEach((p, k) => {
      const n = String(k + 1).padStart(2, '0');
      providerRows.push({
        provider_id: `${sector.toUpperCase()}-${TYPE_CODE[type]}-${la.code}-${n}`,
        provider_name: `Synthetic ${what}, ${la.nameEn}${count > 1 ? ` (${k + 1})` : ''}`,
        sector,
        host: la.code,
        placement_type: type,
        places: p,
        status: 'estimated',
        source:
          type === 'foster'
            ? sector === 'la'
              ? 'S27;D8;D12'
              : 'S27;S17;D5;D8;D12'
            : sector === 'la'
              ? 'S16;S24;E7;D7;D12'
              : 'S16;S24;E7;D12',
      });
    });
  });
}
providerRows.push({
  provider_id: `LA-SEC-${NPT}-HILLSIDE`,
  provider_name: "Hillside Secure Children's Home (Neath Port Talbot Council)",
  sector: 'la',
  host: NPT,
  placement_type: 'secure',
  places: HILLSIDE_PLACES,
  status: 'estimated',
  source: 'S26',
});
if (hosted.get(`${NPT}|la|secure`) + externalHere(CODES.indexOf(NPT), 'la', 'secure') > HILLSIDE_PLACES) throw new Error('more secure children than Hillside places');
if (EXTERNAL_SPLIT['secure|la'] !== externalHere(CODES.indexOf(NPT), 'la', 'secure')) throw new Error('external secure children outside Hillside');
const externalRows = [];
for (const [key, arr] of Object.entries(externalAt)) {
  const [type, sector] = key.split('|');
  arr.forEach((n, h) => {
    if (n > 0) externalRows.push({ host: CODES[h], placement_type: type, sector, children: n, placing_authority: 'English and other UK authorities', status: 'estimated', source: 'S59;D15' });
  });
}
externalRows.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0) || TYPE_ORDER.get(a.placement_type) - TYPE_ORDER.get(b.placement_type) || SECTOR_ORDER.get(a.sector) - SECTOR_ORDER.get(b.sector));
providerRows.sort(
  (a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0) || TYPE_ORDER.get(a.placement_type) - TYPE_ORDER.get(b.placement_type) || SECTOR_ORDER.get(a.sector) - SECTOR_ORDER.get(b.sector) || (a.provider_id < b.provider_id ? -1 : 1),
);
// Self-check: capacity covers the children at every host, sector and type.
for (const [k, n] of hosted) {
  const [host, sector, type] = k.split('|');
  const places = providerRows.filter((p) => p.host === host && p.sector === sector && p.placement_type === type).reduce((a, p) => a + p.places, 0);
  if (places < n) throw new Error(`${k}: ${n} children but ${places} places`);
}

// ------------------------------------------------------------------------------------------------
// Strategies: the LAs' published plans (regional_projects.csv). Where the reference gives no
// capacity or date, the estimate is said in the note and marked D13.

const STRATEGIES = [
  // Cardiff: 40 new in-city residential placements over four years (S52, ~2023): 10 a year 2024-2027.
  ...[2024, 2025, 2026, 2027].map((year) => ({
    la: 'W06000015', year, action: 'open', type: 'residential', sector: 'la', places: 10,
    note: "Target of 40 new in-city residential places over four years; phasing 10 a year is an estimate", status: 'published', source: 'S52;D13',
  })),
  {
    la: 'W06000022', year: 2024, action: 'open', type: 'residential', sector: 'la', places: 12,
    note: 'Project Perthyn: 3 purpose-built LA children\'s homes; capacity (4 each) and opening year estimated', status: 'estimated', source: 'S47;D13',
  },
  {
    la: 'W06000003', year: 2024, action: 'open', type: 'residential', sector: 'la', places: 6,
    note: "Sub-regional children's residential assessment centre (Conwy lead, with Denbighshire and BCUHB), up to 6 children, stays up to 12 weeks; completion was expected spring 2022, opening year estimated", status: 'published', source: 'S46;D13',
  },
  {
    la: 'W06000011', year: 2024, action: 'open', type: 'residential', sector: 'la', places: 3,
    note: 'Planned 1-bed semi-secure and 2-bed emergency provision (beds published); year estimated', status: 'published', source: 'S51;D13',
  },
  {
    la: 'W06000011', year: 2025, action: 'open', type: 'residential', sector: 'la', places: 5,
    note: 'Planned 4/5-bed home (5 beds taken); year estimated', status: 'published', source: 'S51;D13',
  },
  {
    la: 'W06000019', year: 2025, action: 'open', type: 'residential', sector: 'la', places: 4,
    note: 'New LA children\'s home with a neighbouring authority (regional capital fund, business case approved Sept 2022); 4 places and year estimated', status: 'estimated', source: 'S48;D13',
  },
  {
    la: 'W06000020', year: 2024, action: 'open', type: 'residential', sector: 'la', places: 4,
    note: 'Small LA children\'s home with a housing association, open by 2025; 4 places estimated', status: 'estimated', source: 'S49;D13',
  },
  {
    la: 'W06000020', year: 2026, action: 'open', type: 'residential', sector: 'la', places: 4,
    note: 'One more small home planned; 4 places and year estimated', status: 'estimated', source: 'S49;D13',
  },
  {
    la: 'W06000021', year: 2025, action: 'open', type: 'residential', sector: 'la', places: 4,
    note: 'Developing its own staffed children\'s homes (2024); first home of 4 places, year estimated', status: 'estimated', source: 'S50;D13',
  },
  {
    la: 'W06000002', year: 2025, action: 'open', type: 'residential', sector: 'la', places: 4,
    note: 'Small-group residential home for looked-after children (scrutiny June 2024); 4 places and year estimated', status: 'estimated', source: 'S53;D13',
  },
];
const strategyFiles = [];
for (const code of [...new Set(STRATEGIES.map((s) => s.la))].sort((a, b) => slugify(byCode.get(a).nameEn).localeCompare(slugify(byCode.get(b).nameEn)))) {
  const rel = `strategies/${slugify(byCode.get(code).nameEn)}.csv`;
  strategyFiles.push(rel);
  const rows = STRATEGIES.filter((s) => s.la === code)
    .sort((a, b) => a.year - b.year)
    .map((s) => ({
      la_code: s.la, year: s.year, action: s.action, placement_type: s.type, sector: s.sector, places: s.places,
      host: s.la, note: s.note, status: s.status, source: s.source,
    }));
  if (rows.some((r) => r.year < BASE_YEAR)) throw new Error('strategy year before the base year');
  strategyFiles.rows = (strategyFiles.rows ?? new Map()).set(rel, rows);
}

// ------------------------------------------------------------------------------------------------
// Costs (E8 2024 modelling defaults; D14 for the combinations the reference has no figure for).

const costRef = readCsv('placement_costs.csv').filter((r) => r.year === '2024' && r.geography === 'Wales');
const costOf = (type, sector) => Number(costRef.find((r) => r.placement_type === type && r.sector === sector).weekly_cost_gbp);
// LA foster care at its full cost (allowances, supervising social workers, recruitment, support):
// PSSRU's £646 a week (N1, 2017 prices) uplifted by CPI to 2024 (x1.24) is about £800; the reference's
// E8 £450 counts mainly the carers' allowances (2019 £320-360 uplifted), so it understated LA foster care.
const LA_FOSTER_FULL_COST = 800;
const COST = {
  'foster|la': { v: LA_FOSTER_FULL_COST, s: 'N1;D16', st: 'estimated' },
  'foster|nfp': { v: costOf('foster_ifa', 'independent'), s: 'E8', st: 'estimated' },
  'foster|fp': { v: costOf('foster_ifa', 'independent'), s: 'E8', st: 'estimated' },
  'residential|la': { v: costOf('residential', 'local_authority'), s: 'E8', st: 'estimated' },
  'residential|fp': { v: costOf('residential', 'for-profit'), s: 'E8', st: 'estimated' },
  'residential|nfp': { v: Math.round((costOf('residential', 'local_authority') + costOf('residential', 'for-profit')) / 2), s: 'E8;D14', st: 'estimated' },
  'secure|la': { v: 7500, s: 'D14', st: 'estimated' },
  'secure|nfp': { v: 7500, s: 'D14', st: 'estimated' },
  'secure|fp': { v: 7500, s: 'D14', st: 'estimated' },
};
// Outside Wales (D16): children placed in England are those Wales could not place, often at short
// notice and with complex needs, where prices are highest (N2: placements of £10,000 a week or more
// rose from 120 to 1,510 in England 2018-19 to 2022-23, 98% of councils citing lack of choice;
// Monmouthshire's external residential placements cost £9,000-10,000 a week in 2024, S36).
// Children's homes x1.3, fostering x1.1 (travel and supervision at a distance); secure unchanged
// (secure welfare places are priced nationally). Rounded to £50.
const OUTSIDE_PREMIUM = { foster: 1.1, residential: 1.3, secure: 1 };
const costRows = [];
for (const type of ['foster', 'residential', 'secure']) {
  for (const sector of ['la', 'nfp', 'fp']) {
    for (const location of ['in_wales', 'outside_wales']) {
      const c = COST[`${type}|${sector}`];
      const outside = location === 'outside_wales';
      costRows.push({
        placement_type: type, sector, location,
        weekly_cost_gbp: outside ? Math.round((c.v * OUTSIDE_PREMIUM[type]) / 50) * 50 : c.v,
        price_year: 2024, status: c.st,
        source: outside ? [...new Set(`${c.s};D16${type === 'residential' ? ';N2;S36' : ''}`.split(';'))].join(';') : c.s,
      });
    }
  }
}

// ------------------------------------------------------------------------------------------------
// flows: children who started and ceased to be looked after in Wales, by financial year (D17). No
// per-LA counts are published (published/SOURCES.md); the nation's row (W92000004) is shared over
// the LAs by their children looked after when a scenario projects demand from flows. Years are
// financial years named by the year they start in (2023 = 2023-24, the year to the base date).

const WALES_NATION = 'W92000004';
const STOCK = Object.fromEntries(readCsv('wales_cla_series.csv').map((r) => [Number(r.year_31_march), Number(r.cla_latest_revised)]));
const flowRows = [
  // 2017-18 release (published measures: 2,162 started); leavers 1,727 from SFR 106/2019's stated change (S6, derived).
  { la_code: WALES_NATION, year: 2017, started: 2162, ceased: 1727, status: 'derived', source: 'S6' },
  // SFR 106/2019: 2,125 started, 1,678 left (S6).
  { la_code: WALES_NATION, year: 2018, started: 2125, ceased: 1678, status: 'published', source: 'S6' },
  // 2022-23: started = the 2023-24 figure / 1.026 (S11: +2.6%); ceased = started less the change in stock (7,053 to 7,188).
  { la_code: WALES_NATION, year: 2022, started: 1940, ceased: 1940 - (STOCK[2023] - STOCK[2022]), status: 'estimated', source: 'S10;S11;E4;D17' },
  // 2023-24: "just under 2,000" started (S11) read as 1,990; ceased = started less the change in stock (7,188 to 7,198).
  { la_code: WALES_NATION, year: 2023, started: 1990, ceased: 1990 - (STOCK[2024] - STOCK[2023]), status: 'estimated', source: 'S11;E4;D17' },
];
if (flowRows.some((r) => !(r.ceased > 0)) || STOCK[2024] !== WALES_CLA) throw new Error('flows: expected the Wales stock series to 2024');

// ------------------------------------------------------------------------------------------------
// Write.

if (existsSync(OUT)) rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeCsv(
  'local_authorities.csv',
  ['la_code', 'name_en', 'name_cy', 'region', 'lat', 'lon', 'area_km2', 'status', 'source'],
  LAS.map((l) => ({
    la_code: l.code, name_en: l.nameEn, name_cy: l.nameCy, region: l.regionName, lat: l.lat, lon: l.lon, area_km2: l.area,
    status: 'published', source: 'S62;S63;S66;E9',
  })),
);
// D18: the nation's own published totals (latest revised), for the backtest: the LAs' 2019-2023
// figures are estimates, but Wales's are published every year.
const nationDemand = readCsv('wales_cla_series.csv')
  .filter((r) => r.cla_latest_revised !== '' && r.status.startsWith('published'))
  .map((r) => ({
    la_code: WALES_NATION,
    year: Number(r.year_31_march),
    children: Number(r.cla_latest_revised),
    status: r.status.includes('derived') ? 'derived' : 'published',
    source: `${r.source_id};D18`,
    note: r.status.includes('(') ? r.status.replace(/^[a-z]+ ?/, '').replace(/^\(|\)$/g, '') : '',
  }));
if (nationDemand.find((d) => d.year === BASE_YEAR)?.children !== WALES_CLA) throw new Error('expected the published Wales total at the base date');
writeCsv(
  'demand_history.csv',
  ['la_code', 'as_at', 'children', 'status', 'source', 'note'],
  [...demand, ...nationDemand]
    .sort((a, b) => (a.la_code < b.la_code ? -1 : a.la_code > b.la_code ? 1 : a.year - b.year))
    .map((d) => ({ ...d, as_at: `${d.year}-03-31`, status: d.source.split(';').includes('D1') ? 'estimated' : d.status })),
);
writeCsv('placements.csv', ['la_code', 'placement_type', 'sector', 'host', 'children', 'provider_id', 'status', 'source'], placementRows);
writeCsv('providers.csv', ['provider_id', 'provider_name', 'sector', 'host', 'placement_type', 'places', 'status', 'source'], providerRows);
for (const [rel, rows] of strategyFiles.rows) {
  writeCsv(rel, ['la_code', 'year', 'action', 'placement_type', 'sector', 'places', 'host', 'note', 'status', 'source'], rows);
}
writeCsv('external_placements.csv', ['host', 'placement_type', 'sector', 'children', 'placing_authority', 'status', 'source'], externalRows);
writeCsv('costs.csv', ['placement_type', 'sector', 'location', 'weekly_cost_gbp', 'price_year', 'status', 'source'], costRows);
writeCsv('flows.csv', ['la_code', 'year', 'started', 'ceased', 'status', 'source'], flowRows);

const pkg = {
  name: 'wales',
  title: 'Looked-after children placement sufficiency, Wales, base date 31 March 2024',
  description:
    'Default dataset of the sufficiency tool: the 22 Welsh local authorities, children looked after 2015-2024, ' +
    'placements and registered capacity at 31 March 2024, the LAs\' published capacity plans and weekly costs. ' +
    'Built by scripts/build-wales-data.mjs from published sources; per-provider capacity is synthetic. See SOURCES.md.',
  version: '2024.1',
  // docs/model.md §3.1: the nation, and its LA codes, so that a dataset cut down from this one knows what it leaves out.
  nation: { code: 'W92000004', name: 'Wales', la_codes: CODES },
  created_by: 'scripts/build-wales-data.mjs',
  licenses: [{ name: 'OGL-UK-3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0' }],
  sources: [
    { title: 'StatsWales / Welsh Government children looked after statistics (S1, S2, S5, S11)', path: 'https://statswales.gov.wales/Catalogue/Health-and-Social-Care/Social-Services/Childrens-Services/Children-Looked-After' },
    { title: 'Other sources and every estimate', path: 'SOURCES.md' },
  ],
  resources: [
    { name: 'local_authorities', path: 'local_authorities.csv', title: 'Local authorities', description: 'The 22 LAs: ONS code, English and Welsh names, regional partnership board (by name; its docs/model.md §3.1 slug is the region code), approximate centre (E9) and land area.' },
    { name: 'placements', path: 'placements.csv', title: 'Placements at 31 March 2024', description: 'Children looked after by placing LA, placement type, sector and host LA. Non-market types (kinship, parents, adoption, independent, other) have an empty sector, and as host the LA itself for the children living there or empty (not known) for the rest. Reproduces the published Wales figures; the per-LA detail is estimated (SOURCES.md).' },
    { name: 'providers', path: 'providers.csv', title: 'Registered capacity at 31 March 2024 (synthetic providers)', description: 'Places by host LA, sector and type consistent with the published totals; no per-provider data is public, so every provider but Hillside is synthetic and named so.' },
    { name: 'demand_history', path: 'demand_history.csv', title: 'Children looked after at 31 March 2015-2024', description: 'Per LA; 2019-2023 and eight LAs in 2024 are estimates (E1, E2). Rows W92000004 are the published Wales totals 2003-2024 (D18), which only the backtest reads.' },
    { name: 'strategies', path: strategyFiles, title: 'LA commissioning strategies', description: 'Published capacity plans, one CSV per LA; capacity and timing estimates are marked in note and source.' },
    { name: 'costs', path: 'costs.csv', title: 'Weekly placement costs, 2024 prices', description: 'Modelling defaults by type, sector and location (E8, N1, D14, D16): LA foster care at its full cost, a premium outside Wales.' },
    { name: 'external_placements', path: 'external_placements.csv', title: 'Children of other authorities in Welsh placements at 31 March 2024', description: 'About 540 children looked after by English and other authorities (S59) with Welsh providers, by host LA, type and sector; the split is estimated (D15).' },
    { name: 'flows', path: 'flows.csv', title: 'Children who started and ceased to be looked after, Wales, 2017-18 to 2023-24', description: 'Wales only (no per-LA counts are published): 2017-18 and 2018-19 published (S6), 2022-23 and 2023-24 estimated (D17).' },
  ],
};
writeFileSync(path.join(OUT, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);

// SOURCES.md: the source register (IDs as in the `source` columns, titles and URLs copied from the
// reference's sources.md), the build's own estimates D1-D18, the definitions, and the figures the
// package reproduces.
{
  const used = new Set();
  const collect = (rows) => rows.forEach((r) => String(r.source ?? '').split(';').forEach((id) => id && used.add(id)));
  [placementRows, providerRows, demand, nationDemand, costRows, externalRows, flowRows, ...strategyFiles.rows.values()].forEach(collect);
  // Sources the definitions and estimates below cite, besides those in the rows.
  for (const id of ['S62', 'S63', 'S66', 'E3', 'E9', 'S9', 'S15', 'S30', 'S37', 'S48', 'S49', 'S50', 'S51', 'S52', 'S53', 'S58', 'S59', 'S60']) used.add(id);
  const register = new Map();
  for (const line of readFileSync(path.join(REF, 'sources.md'), 'utf8').split('\n')) {
    const m = /^\|\s*([SE]\d+b?)\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2].split('|').map((c) => c.trim());
    register.set(m[1], { title: cells[0], url: cells[1] ?? '' });
  }
  const idOrder = (a, b) => a[0].localeCompare(b[0]) || Number(a.slice(1).replace(/\D/g, '')) - Number(b.slice(1).replace(/\D/g, ''));
  const ref = [...used].filter((id) => register.has(id)).sort(idOrder);
  const market = (r) => ['foster', 'residential', 'secure'].includes(r.placement_type);
  const sumP = (f) => placementRows.filter(f).reduce((a, r) => a + r.children, 0);
  const sumV = (f) => providerRows.filter(f).reduce((a, r) => a + r.places, 0);
  const pct = (x, d = 1) => `${(100 * x).toFixed(d)}%`;
  const fosterN = sumP((r) => r.placement_type === 'foster');
  const kinN = sumP((r) => r.placement_type === 'kinship');
  const resN = sumP((r) => r.placement_type === 'residential');
  const ownMarketN = sumP((r) => market(r) && r.host === r.la_code);
  const ownNonMarket = sumP((r) => !market(r) && r.host === r.la_code);
  const resPlaces = sumV((p) => p.placement_type === 'residential');
  const laFosterPlaces = sumV((p) => p.placement_type === 'foster' && p.sector === 'la');
  const ifaPlaces = sumV((p) => p.placement_type === 'foster' && p.sector !== 'la');
  const households = laFosterPlaces / PLACES_PER_LA_HOUSEHOLD + ifaPlaces / PLACES_PER_IFA_HOUSEHOLD + TYPE_TOTALS.kinship / KINSHIP_CHILDREN_PER_HOUSEHOLD;
  const occ = (type, sector) => {
    const kids =
      sumP((r) => r.placement_type === type && r.sector === sector && r.host !== 'OUTSIDE_WALES') +
      externalRows.filter((r) => r.placement_type === type && r.sector === sector).reduce((a, r) => a + r.children, 0);
    const pl = sumV((p) => p.placement_type === type && p.sector === sector);
    return `${kids} / ${pl} = ${pct(kids / pl, 0)}`;
  };
  const ifaN = sumP((r) => r.placement_type === 'foster' && r.sector !== 'la');
  const laFosterN = sumP((r) => r.placement_type === 'foster' && r.sector === 'la');
  const noHome = CODES.filter((c) => NO_LA_HOME.has(c)).map((c) => byCode.get(c).nameEn).join(', ');
  const md = `# Sources and estimates: the Wales data package (base date 31 March 2024)

Generated by \`scripts/build-wales-data.mjs\` from \`../shared/reference/wales/\`; do not edit by hand
(change the script and run \`node scripts/build-wales-data.mjs\`). The same reference files give
byte-identical output.

Every row carries \`source\` (IDs below, separated by \`;\`) and \`status\`: **published** (copied from a
publication, StatsWales figures rounded to 5), **derived** (arithmetic on published figures) or
**estimated** (anything else; the method is below). Per-LA placement detail (type, sector, host) is
not published in Wales: every \`placements\` and \`providers\` row is an estimate that reproduces the
published Wales totals. No per-provider data is public: every provider is synthetic and says so in its
name, except Hillside Secure Children's Home (the one real, LA-run secure home, S26).

## What the package reproduces

| figure | published | this package |
| --- | --- | --- |
| children looked after, Wales (S11) | 7,198 | ${sumP(() => true)} |
| in foster care, kinship included (S11) | 67.7% | ${pct((fosterN + kinN) / WALES_CLA)} |
| of those, with relatives or friends (S11) | 34.2% | ${pct(kinN / (fosterN + kinN))} |
| placed inside own LA (S11; definition D6) | 65.6% | ${pct((ownMarketN + ownNonMarket) / WALES_CLA)} |
| placed outside Wales (S2 CH/048) | 530 | ${sumP((r) => r.host === 'OUTSIDE_WALES')} (per LA exactly CH/048) |
| foster children inside own LA, kinship included (S5; D6) | 3,305 | ${sumP((r) => (r.placement_type === 'foster' || r.placement_type === 'kinship') && r.host === r.la_code)} |
| children's-home placements with for-profit providers (S17) | 87% | ${pct(sumP((r) => r.placement_type === 'residential' && r.sector === 'fp') / resN)} |
| foster placements with for-profit providers, of non-kinship foster (S17, S18) | 35% | ${pct(sumP((r) => r.placement_type === 'foster' && r.sector === 'fp') / fosterN)} |
| LA-fostered children staying local (S15, S58) | 84-85% | ${pct(sumP((r) => r.placement_type === 'foster' && r.sector === 'la' && r.host === r.la_code) / laFosterN)} |
| IFA-fostered children outside their own LA (S15 79%, S58 69%) | 69-79% | ${pct(1 - sumP((r) => r.placement_type === 'foster' && r.sector !== 'la' && r.host === r.la_code) / ifaN)} |
| children's-home places (S16 1,068; S24 1,084) | about 1,070 | ${resPlaces} |
| of which for-profit (S16) | 85% | ${pct(sumV((p) => p.placement_type === 'residential' && p.sector === 'fp') / resPlaces)} |
| LAs with no LA children's home (S16) | 9 | ${22 - new Set(providerRows.filter((p) => p.placement_type === 'residential' && p.sector === 'la').map((p) => p.host)).size} |
| foster households (S27; D8) | 3,800, 71% LA | ${Math.round(households)}, ${pct((laFosterPlaces / PLACES_PER_LA_HOUSEHOLD + TYPE_TOTALS.kinship / KINSHIP_CHILDREN_PER_HOUSEHOLD) / households, 0)} LA |
| secure: Hillside, Neath Port Talbot (S26) | 1 home, 18 places (2006) | ${HILLSIDE_PLACES} places; ${sumP((r) => r.placement_type === 'secure')} Welsh children in secure care (${sumP((r) => r.placement_type === 'secure' && r.host === NPT)} at Hillside) |

\`test/data/wales-calibration.test.ts\` checks these with stated tolerances.

Occupancy of the places in Wales at the base date (Welsh children + other authorities' children
(D15) / places): LA foster ${occ('foster', 'la')}; for-profit IFA ${occ('foster', 'fp')}; not-for-profit IFA ${occ('foster', 'nfp')};
LA homes ${occ('residential', 'la')}; for-profit homes ${occ('residential', 'fp')}; not-for-profit homes
${occ('residential', 'nfp')}; secure ${occ('secure', 'la')}.

**Children of other authorities.** \`external_placements\` holds the ${externalRows.reduce((a, r) => a + r.children, 0)} children of English and
other authorities in Welsh placements (S59: about 540), split by assumption (D15). They hold places,
so the model no longer needs a low residential \`occupancy\` to stand in for them. The rest of the
children's-home places are short-break beds (IPC's 2017 profile from CIW data: 40% of beds in short-break,
respite or disability-only settings; 762 places excluding short breaks in 2022, press report; both in the
reference's published/childrens_homes_and_fostering_capacity.csv) and places a working home keeps empty (matching, staffing, registration
conditions): under \`usable_places: held\` (the shipped \`baseline\`) each provider uses the places it
held at the base date, and \`occupancy\` applies only to places opened later (see baseline.yaml).

## Definitions

- **Placement types.** \`foster\` = foster care with LA (Foster Wales) carers or independent fostering
  agencies (IFAs); \`kinship\` = foster care with relatives or friends (connected persons), non-market;
  \`parents\` = placed with parents; \`adoption\` = placed for adoption; \`independent\` = independent living;
  \`other\` = residential schools, hostels and other placements; \`residential\` = children's homes;
  \`secure\` = secure children's homes. Non-market rows (kinship, parents, adoption, independent, other)
  have an empty \`sector\`; their \`host\` is the LA itself for the children living there (D6) and
  empty (not known) for the rest, who live elsewhere in Wales: at most two rows per LA and type.
- **Sectors.** LA foster carers are \`la\`; IFAs are \`fp\` or \`nfp\` (S17/S18's "private" = \`fp\`).
- **Outside Wales (CH/048).** All of an LA's CH/048 children are in market rows with host
  \`OUTSIDE_WALES\` (D9): no non-market row is placed outside Wales, so the few placed with family in
  England are counted in market rows. This makes the model's \`placed_outside_wales\` equal the published
  530 at the base date, at the price of slightly more market placements outside Wales than in reality.
- **D6: placed inside own LA.** The published 65.6% (S11) is over all children looked after. Here it is
  (market children with \`host\` = own LA + non-market children with \`host\` = own LA) ÷ all children,
  which the model gives as \`placed_in_own_la_share_all\` (${pct((ownMarketN + ownNonMarket) / WALES_CLA)} at the base date). Each LA's
  non-market children at home are its D2 own-LA count less its market children there (${ownNonMarket} in all), shared
  over the types in proportion to the type's children × these weights:
  ${Object.entries(NON_MARKET_OWN_LA_SHARE).map(([t, v]) => `${t} ${v}`).join(', ')} (the rest live elsewhere in Wales, host not known). Counting every
  non-market child as in their own LA would force the market placements far from home (only about 37%
  in the own LA) to reproduce 65.6%, against the published 84-85% of LA-fostered children staying local;
  the kinship share 0.8 is what S5's 3,305 foster children inside their own LA implies once LA and IFA
  carers are placed as S15/S58 say. The model's \`placed_in_own_la_share\` is over market
  placements only: ${pct(ownMarketN / sumP(market))} at the base date.
- **Denominator of the 35% for-profit foster figure**: non-kinship foster placements (LA carers + IFAs).
  Of all foster incl. kinship it would need more for-profit children (1,706) than IFAs hold (1,234, E5).

## Source register

| ID | title | URL |
| --- | --- | --- |
${ref.map((id) => `| ${id} | ${register.get(id).title} | ${register.get(id).url} |`).join('\n')}

(E1-E9 are the reference's estimates; their method is in its sources.md, quoted above.)

## Estimates made by this build (D1-D18)

| ID | what and how |
| --- | --- |
| D1 | The per-LA 2024 figures (14 published rounded to 5, 8 estimated E1) sum to 7,200; the 2 over the published 7,198 are taken one each from the two largest estimated LAs (Cardiff 990 to 989, Rhondda Cynon Taf 700 to 699). demand_history is otherwise the reference's \`cla_by_la_year.csv\` (2015-2018 published S1; 2019-2023 estimated E2, Torfaen 2019 and 2021 published S3; 2024 S2 "year inferred" or E1; the qualifier is in \`note\`). |
| D2 | Children inside their own LA per LA = CLA - CH/048 - CH/047, with CH/047 (S2; E3 for nine LAs) scaled up by largest remainder so that Wales gives S11's 65.6% (the rounded PAM figures imply 66.4%). |
| D3 | Children by LA and type: Wales totals kinship 1,667 (34.2% of 4,873 foster), foster 3,206 (4,873 - kinship), parents 1,130, residential 720, secure 15, adoption 225 (E6), and E6's 235 "independent living / other" split 140 independent : 95 other. Per LA, kinship and parents share the LA's children placed with parents, family or friends (CLA - CH/046), the rest share CH/046, each in the Wales proportions; residential weights of Cardiff x1.55 (151 in residential care, S52), Gwynedd x0.8 (about 20, S53) and Blaenau Gwent x0.6 (12, S48); then iterative proportional fitting to the LA totals and the Wales type totals and rounding that keeps both. |
| D4 | Residential by sector: 87% for-profit (626, S17); of the rest, ${RES_LA_CHILDREN} in LA homes and ${TYPE_TOTALS.residential - resFp - RES_LA_CHILDREN} not-for-profit (E7's 12:3 split of places, LA homes fuller). LA homes only for LAs that have one (D7; a neighbour's LA home otherwise); Carmarthenshire, which uses no private homes (S60), mostly LA. |
| D5 | Non-kinship foster: LA carers 1,972, IFA 1,234 (E5). Per LA the IFA share is inferred from S5 (foster children outside own LA, with LA carers ~15%, kinship ~20%, IFA ~75% outside; bounded to 15-70%) and fitted to E5. IFA children for-profit: 35% of non-kin foster = 1,122 (S17, S18), not-for-profit 112 (9% of IFA, cf. Torfaen's 2 of 28, S30). |
| D6 | Non-market children living inside their own LA, given as \`host\` (definition above); the rest have a host not known. |
| D7 | The nine LAs without an LA children's home at 31 March 2024 (S16 gives the number, not the names): ${noHome}. Gwynedd (S53), Blaenau Gwent (S48), Torfaen (S49) and Monmouthshire (S50) were developing their first homes after 2024; Denbighshire uses the Conwy-led centre (S46); the other four are estimates. |
| D8 | Foster households: the 3,800 (S27) are taken to include kinship (connected-person) carers, ${KINSHIP_CHILDREN_PER_HOUSEHOLD} kinship children per household (${kinshipHouseholds} households, all LA). 71% LA = ${Math.round(FOSTER_HOUSEHOLDS * FOSTER_HOUSEHOLDS_LA_SHARE)} households, so ${laMainstreamHouseholds} LA mainstream households at ${PLACES_PER_LA_HOUSEHOLD} places each (${placeTargets['foster|la']} places) and ${ifaHouseholds} IFA households at ${PLACES_PER_IFA_HOUSEHOLD} places each (${placeTargets['foster|fp'] + placeTargets['foster|nfp']} places, split fp:nfp as the children; they hold English LAs' children too, D15). Kinship carers are non-market and have no provider rows. |
| D9 | Outside Wales: each LA's CH/048 count (S2; E3) shared over its market groups by size x propensity (LA foster 0.03, IFA 0.13, LA homes 0.02, other homes 0.4, secure 0.4), at most 10% / 35% / 50% / 60% of a group unless CH/048 needs more. Sector outside Wales as the group's (English private homes are \`fp\`, English secure homes \`la\`). |
| D10 | Market children inside their own LA: the LA's D2 own-LA count less its non-market children counted there (D6). The foster part follows S5 (foster inside own LA less 0.8 x kinship); children's homes take at most 30% of an LA's private and charity residential children in Wales and 90% of its LA-home ones (Cardiff: 20 of 98 in the city, S52), the rest going to foster carers. Within foster and residential, shared by propensity (LA carers 0.85, IFA 0.27, LA homes 0.9, other homes 0.3). Secure: Neath Port Talbot's own children at Hillside. |
| D11 | Market children elsewhere in Wales: shared over the ${TOP_HOSTS} most likely other host LAs by host attractiveness x exp(-distance / lambda), lambda ${LAMBDA.foster} km for foster and ${LAMBDA.residential} km for homes; attractiveness = the host's children looked after (foster, LA homes; LA homes only in the 13 LAs with one) or sqrt(children x area) with more private homes in Carmarthenshire (x2.0, a net receiver, S60), Powys (x1.5), Conwy and Denbighshire (x1.3), Neath Port Talbot and Rhondda Cynon Taf (x1.2). Secure children in Wales are all at Hillside. Distances: haversine between the LA centres of local_authorities.csv (E9). |
| D12 | Providers: per host, sector and type, the places are the children placed there plus a share of the spare places to reach the targets (children's homes: 1,070 x 85% for-profit, 12% LA, rest not-for-profit (S16, S24, E7); foster: D8); spare places go where children are (foster), to LAs with homes (at least 4 places, one small home, each), to the private-home attractiveness of D11 (for-profit homes), or to the hosts of charity homes (at least ${NFP_RES_HOSTS_MIN} hosts). Each host, sector and type is split into 1 provider (up to 15 places, and every LA service), 2 (up to 45) or 3 equal synthetic providers. Hillside: ${HILLSIDE_PLACES} places (the only sourced figure, S26, 2006; "about 22" in the notes is unsourced). |
| D13 | Strategies: capacity and years the reference does not give are estimated: 4 places per small home, Project Perthyn 3 x 4 = 12 places; Cardiff's 40 places as 10 a year 2024-2027; Swansea's planned beds (S51) 3 in 2024 and 5 in 2025; the Conwy/Denbighshire centre (6 places, due spring 2022, S46) as opening in 2024 because no opening is recorded in the reference. |
| D14 | Costs (2024 prices) the reference has no figure for: not-for-profit children's homes at the mean of E8's LA and for-profit figures; not-for-profit IFAs at the IFA figure; secure at £7,500 a week in every sector (no Welsh figure in the reference). |
| D15 | Other authorities' children in Welsh placements (\`external_placements\`): S59's about 540 split ${Object.entries(EXTERNAL_SPLIT).map(([k, v]) => `${v} ${k.replace('|', ' ')}`).join(', ')} (assumption: mostly private children's homes and IFAs, which English councils use; a few at Hillside), each shared over host LAs by the Welsh children that type and sector of provider holds there (largest remainder). The places of D8 and D12 hold them as well as the Welsh children. |
| D16 | Costs: LA foster care at its full cost, £${LA_FOSTER_FULL_COST} a week (N1's £646 in 2017 prices uplifted by CPI, x1.24; E8's £450 was close to the carers' allowance alone). Outside Wales: children's homes x${OUTSIDE_PREMIUM.residential}, fostering x${OUTSIDE_PREMIUM.foster}, secure x${OUTSIDE_PREMIUM.secure}, rounded to £50: placements in England are the ones Wales could not make, at short notice and at the top of the price range (N2; S36's £9,000-10,000 a week for Monmouthshire's external residential placements in 2024). |
| D17 | Flows (\`flows.csv\`, Wales only: no per-LA starters or leavers are published). 2017-18: ${flowRows[0].started} started (the 2017-18 release) and ${flowRows[0].ceased} ceased (derived from S6's stated change); 2018-19: ${flowRows[1].started} and ${flowRows[1].ceased} (S6). 2022-23 and 2023-24 are estimates: S11 says "just under 2,000" started in 2023-24, 2.6% more than in 2022-23, read as ${flowRows[3].started} and ${flowRows[3].started} / 1.026 = ${flowRows[2].started}; ceased = started less the change in the stock over the year (7,188 to 7,198: ${flowRows[3].ceased}; 7,053 to 7,188: ${flowRows[2].ceased}), the stock-flow identity of E4. The base entries of the \`flows\` demand method are the 2023-24 row, shared over LAs by children looked after; its default mean time in care, stock ÷ entries = 7,198 / ${flowRows[3].started} = ${(WALES_CLA / flowRows[3].started).toFixed(2)} years, makes exits balance entries at the base date (E4: about 3.7 years). |
| D18 | \`demand_history\` rows for W92000004 are the published Wales totals at every 31 March ${nationDemand[0].year}-${nationDemand[nationDemand.length - 1].year} (latest revised, \`wales_cla_series\`; 2020 and 2022's revised values are derived from the next year's release, status derived). The model projects the LAs' rows; only \`sufficiency backtest\` reads these, to score forecasts for the nation on published figures, since the LAs' 2019-2023 figures are estimates (E2) built by interpolating towards the 2024 shares: fitting on them would let 2024 leak into the fit. \`status\` marks every row published, derived or estimated; the backtest leaves estimated rows out of fitting and scoring. |

## Sources found for this build

| ID | title | URL |
| --- | --- | --- |
| N1 | PSSRU, Unit Costs of Health and Social Care 2017 (L. Curtis), p. 86: cost per child per week in LA foster care £646, including allowances, administration, social workers and support staff | https://www.pssru.ac.uk/blog/whats-new-the-unit-costs-publication-and-childrens-services/ |
| N2 | Local Government Association, High-cost children's social care placements survey (Oct-Nov 2023): placements of £10,000 a week or more 120 in 2018-19, 1,510 in 2022-23; 98% of councils cite lack of choice | https://local.gov.uk/publications/high-cost-childrens-social-care-placements-survey |
`;
  writeFileSync(path.join(OUT, 'SOURCES.md'), md);
}

// A short summary for whoever runs the script.
const sum = (rows, f) => rows.filter(f).reduce((a, r) => a + r.children, 0);
const market = (r) => ['foster', 'residential', 'secure'].includes(r.placement_type);
const ownMarket = sum(placementRows, (r) => market(r) && r.host === r.la_code);
const nonMarketOwn = placementRows.filter((r) => !market(r)).reduce((a, r) => a + NON_MARKET_OWN_LA_SHARE[r.placement_type] * r.children, 0);
console.log(`wrote ${path.relative(repoRoot, OUT)}: ${placementRows.length} placement rows, ${providerRows.length} providers, ${strategyFiles.length} strategy files`);
console.log(`CLA ${sum(placementRows, () => true)}; outside Wales ${sum(placementRows, (r) => r.host === 'OUTSIDE_WALES')}; own LA ${((100 * (ownMarket + nonMarketOwn)) / WALES_CLA).toFixed(1)}% (market only ${((100 * ownMarket) / sum(placementRows, market)).toFixed(1)}%)`);
