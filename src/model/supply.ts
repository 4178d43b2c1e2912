// Rule 2, supply: the year's events on 1 April, in docs/model.md's order: the LAs' strategies (close, then
// open and recruit), the scenario's transitions (exits and conversions to not-for-profit), Foster
// Wales transfers and growth, then regional homes. Each returns the units whose places were cut,
// because only there can children be displaced.
import { largestRemainderInOrder, roundHalfUp } from './rounding.js';
import { PlacementState, unitKey } from './state.js';
import { compareCodes } from './rounding.js';
import type { RandomSource } from './random.js';
import type { ProviderPlaces, RegionalHome, StrategyRow, Transition, TransitionUnit } from './types.js';
import { moveHeldPlaces } from './usable.js';
import type { OneOffEvent } from './one-off.js';

export type CutUnits = Set<string>;

const keyOf = (p: ProviderPlaces): string => unitKey(p.host, p.placementType, p.sector, p.providerId);

/** Closes remove places one at a time from the currently largest provider of that host, sector and type. */
export function applyStrategies(
  state: PlacementState,
  rows: readonly StrategyRow[],
  forProfitFrozen: boolean,
  warn: (message: string) => void,
  cut: CutUnits,
  events: OneOffEvent[] = [],
): void {
  for (const row of rows.filter((r) => r.action === 'close')) {
    const candidates = [...state.providers.values()].filter(
      (p) => p.host === row.host && p.sector === row.sector && p.placementType === row.placementType,
    );
    const left = closeFromLargest(candidates, row.places, cut);
    if (left > 0) warn(`${row.year}: ${row.laCode} closes ${row.places} ${row.sector} ${row.placementType} places at ${row.host}, but only ${row.places - left} were open there`);
  }
  for (const row of rows.filter((r) => r.action !== 'close')) {
    if (row.sector === 'fp' && forProfitFrozen) {
      warn(`${row.year}: ${row.laCode}'s ${row.places} new for-profit ${row.placementType} places at ${row.host} are not opened: for-profit capacity is frozen`);
      continue;
    }
    const id = `STRATEGY_${row.laCode}_${row.placementType}_${row.sector}`;
    const p = state.ensureProvider({
      providerId: id,
      providerName: `${row.laCode} strategy: ${row.sector} ${row.placementType} places`,
      sector: row.sector,
      host: row.host,
      placementType: row.placementType,
      reservedForRegion: null,
    });
    p.places += row.places;
    // The LA whose strategy it is pays, wherever the places are hosted.
    if (row.places > 0) events.push({ kind: row.action === 'recruit' ? 'recruit' : 'open', placementType: row.placementType, places: row.places, payer: { la: row.laCode } });
  }
}

/**
 * Removes `places` places one at a time from the currently largest of the candidates (ties by id),
 * noting each provider cut; returns how many could not be removed (the candidates ran out).
 */
function closeFromLargest(candidates: readonly ProviderPlaces[], places: number, cut: CutUnits): number {
  let left = places;
  while (left > 0) {
    let largest: ProviderPlaces | null = null;
    for (const p of candidates) {
      if (p.places > 0 && (largest === null || p.places > largest.places || (p.places === largest.places && compareCodes(p.providerId, largest.providerId) < 0))) largest = p;
    }
    if (largest === null) break;
    largest.places -= 1;
    cut.add(keyOf(largest));
    left--;
  }
  return left;
}

/** A transition of the year with its index in the scenario's list (the path of its order streams). */
export interface IndexedTransition {
  transition: Transition;
  index: number;
}

export interface TransitionOptions {
  /** The unit of a transition that does not say (`transition_unit`). */
  unit: TransitionUnit;
  /** The run's stream at a path, for the order of services (`transitions[i].exit_order`, `.convert_order`). */
  stream: (path: string) => RandomSource;
}

const PLACES_ONLY: TransitionOptions = {
  unit: 'places',
  stream: () => {
    throw new Error('no order stream: every transition is by places');
  },
};

/**
 * Transitions apply in list order. Exit and convert are shares of each matching provider's places at
 * 1 April after the strategies, rounded by largest remainder over the matching providers and capped
 * by the places left; converted places and, in proportion, their children move to `ID~nfp`. Under
 * `services` (docs/model.md §4.3) whole services exit or convert instead (selectServices).
 */
export function applyTransitions(
  state: PlacementState,
  transitions: readonly (Transition | IndexedTransition)[],
  regionOf: (la: string) => string,
  cut: CutUnits,
  options: TransitionOptions = PLACES_ONLY,
  events: OneOffEvent[] = [],
): void {
  if (transitions.length === 0) return;
  // Keyed by the provider object: the state keeps one object per unit for the whole projection.
  const atFirstApril = new Map<ProviderPlaces, number>();
  for (const p of state.providers.values()) atFirstApril.set(p, p.places);
  transitions.forEach((item, position) => {
    const { transition: tr, index } = 'transition' in item ? item : { transition: item, index: position };
    // In key order, as the state lists its providers.
    const matching = state.providersInOrder().filter(
      (p) =>
        atFirstApril.has(p) &&
        (tr.sector === null || p.sector === tr.sector) &&
        (tr.placementType === null || p.placementType === tr.placementType) &&
        (tr.region === null || regionOf(p.host) === tr.region) &&
        (tr.host === null || p.host === tr.host) &&
        (tr.providerId === null || p.providerId === tr.providerId),
    );
    if (matching.length === 0) return;
    // A transition naming a provider is by places whatever the unit: a named provider may cut part of its places.
    const unit = tr.providerId !== null ? 'places' : (tr.unit ?? options.unit);
    if (unit === 'services') {
      applyByServices(state, tr, index, matching, atFirstApril, cut, options.stream, events);
      return;
    }
    // Sorted by provider key, so the cells are in tie-key order already.
    const base = matching.map((p) => atFirstApril.get(p) ?? 0);
    const exits = largestRemainderInOrder(base.map((b) => tr.exit * b));
    matching.forEach((p, i) => {
      const n = Math.min(exits[i], p.places);
      if (n > 0) {
        p.places -= n;
        cut.add(keyOf(p));
      }
    });
    // exit + convert <= 1 (docs/model.md §4.2): the scenario check refuses more, but drawn values can exceed it,
    // so the convert share gives way to the exit share.
    const convert = Math.min(tr.convert, 1 - tr.exit);
    if (convert > 0) {
      const fpIdx = matching.map((p, i) => (p.sector === 'fp' ? i : -1)).filter((i) => i >= 0);
      const converts = largestRemainderInOrder(fpIdx.map((i) => convert * base[i]));
      fpIdx.forEach((i, j) => moveProvider(state, matching[i], Math.min(converts[j], matching[i].places), base[i], 'nfp', events));
    }
  });
}

/**
 * Whole services exit, then whole for-profit services convert (docs/model.md §4.3): the matching
 * services with places at 1 April, in key order, shuffled by the transition's own stream; going down
 * the order a service is taken when that leaves the places taken no further from the target (the
 * share × the matching places, rounded half up) than leaving it.
 */
function applyByServices(
  state: PlacementState,
  tr: Transition,
  index: number,
  matching: readonly ProviderPlaces[],
  atFirstApril: ReadonlyMap<ProviderPlaces, number>,
  cut: CutUnits,
  stream: (path: string) => RandomSource,
  events: OneOffEvent[],
): void {
  const services = matching.filter((p) => (atFirstApril.get(p) ?? 0) > 0);
  const placesAt = (p: ProviderPlaces): number => atFirstApril.get(p) ?? 0;
  const exiting = new Set<ProviderPlaces>();
  if (tr.exit > 0) {
    const target = roundHalfUp(tr.exit * services.reduce((s, p) => s + placesAt(p), 0));
    for (const p of selectServices(services, placesAt, target, stream(`transitions[${index}].exit_order`))) {
      exiting.add(p);
      if (p.places > 0) {
        p.places = 0;
        cut.add(keyOf(p));
      }
    }
  }
  if (tr.convert > 0) {
    const forProfit = services.filter((p) => p.sector === 'fp');
    const target = roundHalfUp(tr.convert * forProfit.reduce((s, p) => s + placesAt(p), 0));
    const candidates = forProfit.filter((p) => !exiting.has(p));
    // The whole service moves, with every child it holds.
    for (const p of selectServices(candidates, placesAt, target, stream(`transitions[${index}].convert_order`))) moveProvider(state, p, p.places, p.places, 'nfp', events);
  }
}

/**
 * The services taken towards `target` places: `services` (in key order) shuffled by Fisher–Yates
 * with `random`, then each taken when |target − (taken + its places)| ≤ |target − taken|. So the
 * places taken end within half the largest service of the target. Worked: services of 4, 3 and 2
 * places in that order, target 5: 4 is taken (|5 − 4| = 1 ≤ 5), 3 is not (|5 − 7| = 2 > 1), 2 is
 * taken (|5 − 6| = 1 ≤ 1: a tie takes) → 4 and 2, 6 places.
 */
export function selectServices(
  services: readonly ProviderPlaces[],
  placesAt: (p: ProviderPlaces) => number,
  target: number,
  random: RandomSource,
): ProviderPlaces[] {
  const order = [...services];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const taken: ProviderPlaces[] = [];
  let sum = 0;
  for (const p of order) {
    const n = placesAt(p);
    if (Math.abs(target - (sum + n)) <= Math.abs(target - sum)) {
      taken.push(p);
      sum += n;
    }
  }
  return taken;
}

/** Foster carers of for-profit agencies moving to Foster Wales: the carer's children move with them. */
export function applyFosterWalesTransfers(state: PlacementState, share: number, events: OneOffEvent[] = []): void {
  if (share <= 0) return;
  // In key order, as the state lists its providers.
  const agencies = state.providersInOrder().filter((p) => p.sector === 'fp' && p.placementType === 'foster' && p.places > 0);
  const before = agencies.map((p) => p.places);
  const moved = largestRemainderInOrder(before.map((b) => share * b));
  agencies.forEach((p, i) => moveProvider(state, p, Math.min(moved[i], p.places), before[i], 'la', events));
}

/**
 * Moves `n` of a for-profit provider's places to its converted twin `ID~<sector>` at the same host,
 * with the provider's children in the proportion n ÷ `basePlaces`; they stay where they are. The
 * move is a conversion (to `nfp`) or a transfer to Foster Wales (to `la`), paid by the host LA.
 */
function moveProvider(state: PlacementState, p: ProviderPlaces, n: number, basePlaces: number, to: 'nfp' | 'la', events: OneOffEvent[]): void {
  if (n <= 0 || basePlaces <= 0) return;
  events.push({ kind: to === 'nfp' ? 'convert' : 'transfer', placementType: p.placementType, places: n, payer: { la: p.host } });
  p.places -= n;
  const twin = twinOf(state, p, to);
  twin.places += n;
  moveHeldPlaces(p, twin, n, basePlaces);
  // In key order, so the cells are in tie-key order already.
  const groups = state.groupsOf(p);
  const moving = largestRemainderInOrder(groups.map((g) => (g.children * n) / basePlaces));
  groups.forEach((g, i) => {
    const k = Math.min(moving[i], g.children);
    state.remove(g, k);
    state.addTo(twin, g.laCode, k);
  });
}

/** A provider's converted twin at the same host, found once per state (PlacementState.twins). */
function twinOf(state: PlacementState, p: ProviderPlaces, to: 'nfp' | 'la'): ProviderPlaces {
  let known = state.twins.get(p);
  if (known === undefined) {
    // Both fields from the start: one shape however the twins are found.
    known = { nfp: undefined, la: undefined };
    state.twins.set(p, known);
  }
  const hit = known[to];
  if (hit !== undefined) return hit;
  const twin = state.ensureProvider({
    providerId: `${p.providerId}~${to}`,
    providerName: `${p.providerName} (${to === 'nfp' ? 'converted to not-for-profit' : 'carers moved to Foster Wales'})`,
    sector: to,
    host: p.host,
    placementType: p.placementType,
    reservedForRegion: p.reservedForRegion,
  });
  known[to] = twin;
  return twin;
}

export interface FosterWalesGrowth {
  /** `net_new_places`: the nation's total for the year. */
  netNewPlaces: number;
  /** `net_new_places_by_la`: an LA listed takes its own number instead of a share of the total. */
  byLa: ReadonlyMap<string, number>;
  /** `net_growth_rate`: a share of each LA's own `la` foster places, added for every LA. */
  growthRate: number;
  /** `nation_need`: the nation's foster need, when the dataset holds part of it; null = the dataset is the nation. */
  nationNeed: number | null;
}

/** Signed half-up rounding: -2.5 becomes -3, as 2.5 becomes 3 (growth and cuts round alike). */
const roundSigned = (x: number): number => Math.sign(x) * roundHalfUp(Math.abs(x));

/**
 * Each LA's Foster Wales net new places for the year (docs/model.md §4.2 and §5). The nation's
 * total goes to the LAs not listed in `byLa`, shared by their foster need (largest remainder); when
 * the dataset holds only part of the nation, first cut to the dataset's share of the nation's need,
 * rounded half up. Each LA then adds `growthRate` × its own `la` foster places, rounded half up.
 * Worked: total 150, nation need 3,000, the dataset's two LAs need 400 and 200 → 150 × 600/3,000 =
 * 30 places, 20 and 10.
 */
export function fosterWalesNetNewByLa(
  growth: FosterWalesGrowth,
  fosterNeed: ReadonlyArray<readonly [la: string, need: number]>,
  laFosterPlaces: (la: string) => number,
): Map<string, number> {
  const las = [...fosterNeed].sort((a, b) => compareCodes(a[0], b[0]));
  const out = new Map<string, number>(las.map(([la]) => [la, growth.byLa.get(la) ?? 0]));
  const sharing = las.filter(([la]) => !growth.byLa.has(la));
  let total = growth.netNewPlaces;
  if (growth.nationNeed !== null && growth.nationNeed > 0) {
    const datasetNeed = las.reduce((s, [, n]) => s + n, 0);
    total = roundSigned((total * Math.min(datasetNeed, growth.nationNeed)) / growth.nationNeed);
  }
  const totalNeed = sharing.reduce((s, [, n]) => s + n, 0);
  if (total !== 0 && totalNeed > 0) {
    const size = Math.abs(total);
    // The LAs in code order, so their tie keys (LA first) are in order: ties go to the earlier LA.
    const shares = largestRemainderInOrder(sharing.map(([, n]) => (size * n) / totalNeed));
    sharing.forEach(([la], i) => out.set(la, out.get(la)! + Math.sign(total) * shares[i]));
  }
  if (growth.growthRate !== 0) for (const [la] of las) out.set(la, out.get(la)! + roundSigned(growth.growthRate * laFosterPlaces(la)));
  return out;
}

/**
 * Each LA's net new places as `la` foster places of `FOSTER_WALES_<la>` hosted there. A cut
 * (docs/methodology.md, "Foster Wales: a net loss") comes off `FOSTER_WALES_<la>` first, then, like a
 * strategy's close, one place at a time off the LA's currently largest other `la` foster provider
 * (ties by id); children beyond the places left are displaced (step 3). A cut beyond every place
 * removes what there is.
 */
export function applyFosterWalesNetNew(state: PlacementState, byLa: ReadonlyMap<string, number>, cut: CutUnits, events: OneOffEvent[] = []): void {
  for (const la of [...byLa.keys()].sort(compareCodes)) {
    const n = byLa.get(la)!;
    if (n === 0) continue;
    if (n < 0) {
      const own = `FOSTER_WALES_${la}`;
      const laFoster = [...state.providers.values()].filter((p) => p.host === la && p.sector === 'la' && p.placementType === 'foster' && p.reservedForRegion === null);
      const first = laFoster.find((p) => p.providerId === own);
      const k = first === undefined ? 0 : Math.min(-n, first.places);
      if (k > 0) {
        first!.places -= k;
        cut.add(keyOf(first!));
      }
      closeFromLargest(laFoster.filter((p) => p !== first), -n - k, cut);
      continue;
    }
    const p = fosterWalesOf(state, la);
    p.places += n;
    // Carers recruited: the LA hosting them pays; a net loss costs nothing.
    events.push({ kind: 'recruit', placementType: 'foster', places: n, payer: { la } });
  }
}

/** An LA's own Foster Wales provider, found once per state (PlacementState.fosterWales). */
function fosterWalesOf(state: PlacementState, la: string): ProviderPlaces {
  const known = state.fosterWales.get(la);
  if (known !== undefined) return known;
  const p = state.ensureProvider({
    providerId: `FOSTER_WALES_${la}`,
    providerName: `Foster Wales ${la}: new carers`,
    sector: 'la',
    host: la,
    placementType: 'foster',
    reservedForRegion: null,
  });
  state.fosterWales.set(la, p);
  return p;
}

/** Each LA's `la` foster places hosted in it: what `net_growth_rate` is a share of. */
export function laFosterPlacesByLa(state: PlacementState): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of state.providers.values()) if (p.sector === 'la' && p.placementType === 'foster' && p.reservedForRegion === null) out.set(p.host, (out.get(p.host) ?? 0) + p.places);
  return out;
}

export function applyRegionalHomes(state: PlacementState, homes: readonly RegionalHome[], events: OneOffEvent[] = []): void {
  for (const h of homes) {
    const p = state.ensureProvider({
      providerId: `REGIONAL_${h.region}_${h.host}`,
      providerName: `Regional home of ${h.region} at ${h.host}`,
      sector: h.sector,
      host: h.host,
      placementType: h.placementType,
      reservedForRegion: h.reservedForRegion ? h.region : null,
    });
    const places = roundHalfUp(Math.max(0, h.places));
    p.places += places;
    // The region's LAs share the home's cost (chargeOneOffCosts).
    if (places > 0) events.push({ kind: 'open', placementType: h.placementType, places, payer: { region: h.region } });
  }
}
