// Rule 2, supply: the year's events on 1 April, in SPEC.md's order: the LAs' strategies (close, then
// open and recruit), the scenario's transitions (exits and conversions to not-for-profit), Foster
// Wales transfers and growth, then regional homes. Each returns the units whose places were cut,
// because only there can children be displaced.
import { largestRemainder, largestRemainderInOrder, roundHalfUp, tieKey } from './rounding.js';
import { PlacementState, byProviderKey, unitKey } from './state.js';
import { compareCodes } from './rounding.js';
import type { ProviderPlaces, RegionalHome, StrategyRow, Transition } from './types.js';

export type CutUnits = Set<string>;

const keyOf = (p: ProviderPlaces): string => unitKey(p.host, p.placementType, p.sector, p.providerId);

/** Closes remove places one at a time from the currently largest provider of that host, sector and type. */
export function applyStrategies(
  state: PlacementState,
  rows: readonly StrategyRow[],
  forProfitFrozen: boolean,
  warn: (message: string) => void,
  cut: CutUnits,
): void {
  for (const row of rows.filter((r) => r.action === 'close')) {
    const candidates = [...state.providers.values()].filter(
      (p) => p.host === row.host && p.sector === row.sector && p.placementType === row.placementType,
    );
    let left = row.places;
    while (left > 0) {
      let largest: ProviderPlaces | null = null;
      for (const p of candidates) {
        if (p.places > 0 && (largest === null || p.places > largest.places || (p.places === largest.places && compareCodes(p.providerId, largest.providerId) < 0))) largest = p;
      }
      if (largest === null) {
        warn(`${row.year}: ${row.laCode} closes ${row.places} ${row.sector} ${row.placementType} places at ${row.host}, but only ${row.places - left} were open there`);
        break;
      }
      largest.places -= 1;
      cut.add(keyOf(largest));
      left--;
    }
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
  }
}

/**
 * Transitions apply in list order. Exit and convert are shares of each matching provider's places at
 * 1 April after the strategies, rounded by largest remainder over the matching providers and capped
 * by the places left; converted places and, in proportion, their children move to `ID~nfp`.
 */
export function applyTransitions(
  state: PlacementState,
  transitions: readonly Transition[],
  regionOf: (la: string) => string,
  cut: CutUnits,
): void {
  if (transitions.length === 0) return;
  // Keyed by the provider object: the state keeps one object per unit for the whole projection.
  const atFirstApril = new Map<ProviderPlaces, number>();
  for (const p of state.providers.values()) atFirstApril.set(p, p.places);
  for (const tr of transitions) {
    const matching = [...state.providers.values()]
      .filter(
        (p) =>
          atFirstApril.has(p) &&
          (tr.sector === null || p.sector === tr.sector) &&
          (tr.placementType === null || p.placementType === tr.placementType) &&
          (tr.region === null || regionOf(p.host) === tr.region) &&
          (tr.host === null || p.host === tr.host) &&
          (tr.providerId === null || p.providerId === tr.providerId),
      )
      .sort(byProviderKey);
    if (matching.length === 0) continue;
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
    // exit + convert <= 1 (SPEC 4.2): the scenario check refuses more, but drawn values can exceed it,
    // so the convert share gives way to the exit share.
    const convert = Math.min(tr.convert, 1 - tr.exit);
    if (convert > 0) {
      const fpIdx = matching.map((p, i) => (p.sector === 'fp' ? i : -1)).filter((i) => i >= 0);
      const converts = largestRemainderInOrder(fpIdx.map((i) => convert * base[i]));
      fpIdx.forEach((i, j) => moveProvider(state, matching[i], Math.min(converts[j], matching[i].places), base[i], 'nfp'));
    }
  }
}

/** Foster carers of for-profit agencies moving to Foster Wales: the carer's children move with them. */
export function applyFosterWalesTransfers(state: PlacementState, share: number): void {
  if (share <= 0) return;
  const agencies = [...state.providers.values()]
    .filter((p) => p.sector === 'fp' && p.placementType === 'foster' && p.places > 0)
    .sort(byProviderKey);
  const before = agencies.map((p) => p.places);
  const moved = largestRemainderInOrder(before.map((b) => share * b));
  agencies.forEach((p, i) => moveProvider(state, p, Math.min(moved[i], p.places), before[i], 'la'));
}

/**
 * Moves `n` of a for-profit provider's places to its converted twin `ID~<sector>` at the same host,
 * with the provider's children in the proportion n ÷ `basePlaces`; they stay where they are.
 */
function moveProvider(state: PlacementState, p: ProviderPlaces, n: number, basePlaces: number, to: 'nfp' | 'la'): void {
  if (n <= 0 || basePlaces <= 0) return;
  p.places -= n;
  const twin = twinOf(state, p, to);
  twin.places += n;
  // In key order, so the cells are in tie-key order already.
  const groups = state.groupsOf(p);
  const moving = largestRemainderInOrder(groups.map((g) => (g.children * n) / basePlaces));
  groups.forEach((g, i) => {
    const k = Math.min(moving[i], g.children);
    state.remove(g, k);
    state.addTo(twin, g.laCode, k);
  });
}

// Each provider's converted twins, once found: a state never drops a provider, and a provider object
// belongs to one state, so the twin found once is the one ensureProvider would find again (without
// building its id, name and key strings every year).
const twins = new WeakMap<ProviderPlaces, { nfp?: ProviderPlaces; la?: ProviderPlaces }>();

function twinOf(state: PlacementState, p: ProviderPlaces, to: 'nfp' | 'la'): ProviderPlaces {
  let known = twins.get(p);
  if (known === undefined) {
    known = {};
    twins.set(p, known);
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

/**
 * Foster Wales's net new places for the year, shared over LAs by their foster need, as `la` places
 * of `FOSTER_WALES_<la>` in each LA. A negative number removes places (and may displace children).
 */
export function applyFosterWalesGrowth(
  state: PlacementState,
  netNewPlaces: number,
  fosterNeed: ReadonlyArray<readonly [la: string, need: number]>,
  cut: CutUnits,
): void {
  if (netNewPlaces === 0) return;
  const las = [...fosterNeed].sort((a, b) => compareCodes(a[0], b[0]));
  const totalNeed = las.reduce((s, [, n]) => s + n, 0);
  if (totalNeed === 0) return;
  const size = Math.abs(netNewPlaces);
  const shares = largestRemainder(
    las.map(([, n]) => (size * n) / totalNeed),
    las.map(([la]) => tieKey(la, 'foster', 'la', la, '')),
  );
  las.forEach(([la], i) => {
    if (shares[i] === 0) return;
    const p = state.ensureProvider({
      providerId: `FOSTER_WALES_${la}`,
      providerName: `Foster Wales ${la}: new carers`,
      sector: 'la',
      host: la,
      placementType: 'foster',
      reservedForRegion: null,
    });
    if (netNewPlaces > 0) p.places += shares[i];
    else {
      const n = Math.min(shares[i], p.places);
      if (n > 0) {
        p.places -= n;
        cut.add(keyOf(p));
      }
    }
  });
}

export function applyRegionalHomes(state: PlacementState, homes: readonly RegionalHome[]): void {
  for (const h of homes) {
    const p = state.ensureProvider({
      providerId: `REGIONAL_${h.region}_${h.host}`,
      providerName: `Regional home of ${h.region} at ${h.host}`,
      sector: h.sector,
      host: h.host,
      placementType: h.placementType,
      reservedForRegion: h.reservedForRegion ? h.region : null,
    });
    p.places += roundHalfUp(Math.max(0, h.places));
  }
}
