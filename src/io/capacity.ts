// Children against places at the base date: the dataset's own placements and other authorities'
// children (external_placements) against the providers that hold them. A named provider must exist
// where the row says; children beyond the places listed warn, whoever placed them, because the
// same excess is as wrong in either file (docs/methodology.md, "Checks on the data").
import type { Problem } from '../errors.js';
import { OUTSIDE_WALES, isMarketType, type ExternalPlacementRow, type PlacementRow, type ProviderRow } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';

/** A parsed row with the file and line it came from. */
export interface Located<T> {
  row: T;
  file: string;
  line: number;
}

export interface CapacityInput {
  placements: ReadonlyArray<Located<PlacementRow>>;
  external: ReadonlyArray<Located<ExternalPlacementRow>>;
  /** Null when the dataset has no providers resource. */
  providers: readonly ProviderRow[] | null;
  /** Some providers row could not be read: checks against places wait for it. */
  providersTainted: boolean;
  /** The data package's descriptor, for problems about the whole dataset. */
  packageFile: string;
  /** "Cardiff (W06000015)" for an LA code. */
  label: (code: string) => string;
}

/** One child-holding row of either file, seen the same way. */
interface Holding {
  at: Located<unknown>;
  external: boolean;
  host: string;
  sector: string;
  type: string;
  children: number;
  providerId: string | null;
}

export function checkCapacity(input: CapacityInput): Problem[] {
  const problems: Problem[] = [];
  const { providers, label } = input;
  const error = (at: Located<unknown>, column: string, message: string): void => {
    problems.push({ file: at.file, line: at.line, column, message, severity: 'error' });
  };
  const warn = (at: Located<unknown> | null, column: string | null, message: string): void => {
    problems.push({ file: at?.file ?? input.packageFile, line: at?.line ?? null, column, message, severity: 'warning' });
  };

  // A provider_id where no provider can be: providers lists market places in the nation only.
  for (const p of input.placements) {
    if (p.row.providerId === null) continue;
    if (!isMarketType(p.row.placementType)) {
      warn(p, 'provider_id', `provider "${p.row.providerId}" is ignored: a ${p.row.placementType} placement has no provider (only foster, residential and secure placements are held by providers)`);
    } else if (p.row.host === OUTSIDE_WALES) {
      warn(p, 'provider_id', `provider "${p.row.providerId}" is ignored: providers lists places in the nation only, and these children are placed outside it`);
    }
  }

  const holdings: Holding[] = [
    ...input.placements
      .filter((p) => isMarketType(p.row.placementType) && p.row.host !== null && p.row.host !== OUTSIDE_WALES)
      .map((p): Holding => ({ at: p, external: false, host: p.row.host!, sector: p.row.sector!, type: p.row.placementType, children: p.row.children, providerId: p.row.providerId })),
    ...input.external.map((p): Holding => ({ at: p, external: true, host: p.row.host, sector: p.row.sector, type: p.row.placementType, children: p.row.children, providerId: p.row.providerId })),
  ];

  if (input.providersTainted) return problems;
  // Without a providers resource a named provider is unknown all the same; other authorities'
  // children then have nowhere to be counted against and are left alone.
  const listed = providers ?? [];
  const providerAt = new Map(listed.map((p) => [providerKey(p.providerId, p.host, p.placementType), p]));
  const providerIds = [...new Set(listed.map((p) => p.providerId))].sort();
  let unlisted = 0;
  for (const h of holdings) {
    if (h.external && (providers === null || h.children === 0)) continue;
    if (h.providerId !== null) {
      const p = providerAt.get(providerKey(h.providerId, h.host, h.type));
      if (!p) {
        const hint = whereElse(h.providerId, listed, providerIds, label);
        error(h.at, 'provider_id', `unknown provider "${h.providerId}": expected a provider_id that providers lists with ${h.type} places at ${label(h.host)}${hint}`);
      } else if (p.sector !== h.sector) {
        error(h.at, 'sector', `expected ${p.sector}, the sector of provider "${p.providerId}" in providers, found "${h.sector}"`);
      }
    } else if (providers === null) {
      unlisted += h.children;
    } else if (h.children > 0 && !providers.some((p) => p.host === h.host && p.sector === h.sector && p.placementType === h.type && p.places > 0)) {
      warn(h.at, 'host', `no provider in providers has ${h.sector} ${h.type} at ${label(h.host)}: these ${h.children} children will sit with an UNLISTED provider of 0 places`);
    }
  }
  if (providers === null) {
    if (unlisted > 0) warn(null, null, `no providers resource: the ${unlisted} children in market placements in Wales will sit with UNLISTED providers of 0 places`);
    return problems;
  }
  const capacity = new Map<string, number>();
  for (const p of providers) capacity.set(groupKey(p.host, p.sector, p.placementType), (capacity.get(groupKey(p.host, p.sector, p.placementType)) ?? 0) + p.places);

  const overGroups = checkGroups(holdings, capacity, label, warn);
  checkNamedProviders(holdings, providerAt, overGroups, label, warn);
  return problems;
}

/**
 * Children at a host, sector and type beyond the places listed there: a warning (docs/model.md §3: the data
 * may lag a registration), on the first row. Returns the groups warned about.
 */
function checkGroups(
  holdings: readonly Holding[],
  capacity: ReadonlyMap<string, number>,
  label: (code: string) => string,
  warn: (at: Located<unknown>, column: string, message: string) => void,
): Set<string> {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) groups.set(groupKey(h.host, h.sector, h.type), [...(groups.get(groupKey(h.host, h.sector, h.type)) ?? []), h]);
  const over = new Set<string>();
  for (const [k, g] of groups) {
    const places = capacity.get(k) ?? 0;
    const own = g.filter((h) => !h.external);
    const external = g.filter((h) => h.external);
    const ownChildren = sum(own);
    const externalChildren = sum(external);
    // A host with no places of the kind is reported above, as UNLISTED.
    if (places === 0 || ownChildren + externalChildren <= places) continue;
    over.add(k);
    const { sector, type, host } = g[0];
    const first = sortByPlace(own.length > 0 ? own : external)[0];
    const ownText = own.length > 0 ? `${ownChildren} children are placed in ${sector} ${type} at ${label(host)}${linesText(own, first.at.file)}` : '';
    const extText =
      external.length === 0
        ? ''
        : own.length > 0
          ? `, and ${externalChildren} children of other authorities${linesText(external, first.at.file, true)}`
          : `${externalChildren} children of other authorities are placed in ${sector} ${type} at ${label(host)}${linesText(external, first.at.file)}`;
    warn(first.at, 'children', `${ownText}${extText}, but providers list only ${places} places there`);
  }
  return over;
}

/**
 * Children pinned to one provider (`provider_id`) beyond that provider's places, or held by a
 * provider that lists 0 places: a warning, unless its host, sector and type already warned.
 */
function checkNamedProviders(
  holdings: readonly Holding[],
  providerAt: ReadonlyMap<string, ProviderRow>,
  overGroups: ReadonlySet<string>,
  label: (code: string) => string,
  warn: (at: Located<unknown>, column: string, message: string) => void,
): void {
  const pinned = new Map<string, Holding[]>();
  for (const h of holdings) {
    if (h.providerId === null || h.children === 0) continue;
    const k = providerKey(h.providerId, h.host, h.type);
    if (providerAt.get(k)?.sector !== h.sector) continue; // reported above as an error
    pinned.set(k, [...(pinned.get(k) ?? []), h]);
  }
  for (const [k, rows] of pinned) {
    const p = providerAt.get(k)!;
    const children = sum(rows);
    if (children <= p.places || overGroups.has(groupKey(p.host, p.sector, p.placementType))) continue;
    const first = sortByPlace(rows)[0];
    const own = rows.filter((h) => !h.external);
    const external = rows.filter((h) => h.external);
    const parts = [
      own.length > 0 ? `${sum(own)} children${linesText(own, first.at.file, true)}` : '',
      external.length > 0 ? `${sum(external)} children of other authorities${linesText(external, first.at.file, true)}` : '',
    ].filter((s) => s !== '');
    const places = p.places === 0 ? 'lists 0 places' : `lists only ${p.places} places`;
    warn(first.at, 'children', `provider "${p.providerId}" ${places} for ${p.placementType} at ${label(p.host)}, but holds ${parts.join(' and ')}`);
  }
}

/** Where else a provider id is listed (another host or type), or the nearest id: the hint of an unknown provider. */
function whereElse(id: string, providers: readonly ProviderRow[], ids: readonly string[], label: (code: string) => string): string {
  const elsewhere = providers.filter((q) => q.providerId === id);
  if (elsewhere.length > 0) return ` (it has ${elsewhere.map((q) => `${q.placementType} places at ${label(q.host)}`).join(', ')})`;
  const s = suggestAmong(id, ids);
  return s ? ` (${s})` : '';
}

function providerKey(id: string, host: string, type: string): string {
  return `${id}\u0000${host}\u0000${type}`;
}

function groupKey(host: string, sector: string, type: string): string {
  return `${host}|${sector}|${type}`;
}

function sum(rows: readonly Holding[]): number {
  return rows.reduce((s, h) => s + h.children, 0);
}

function sortByPlace(rows: readonly Holding[]): Holding[] {
  return [...rows].sort((a, b) => (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.line - b.at.line));
}

/**
 * The rows behind a figure, for a message anchored in `anchorFile`: " (rows at lines 3, 6)" when more
 * than one row of that file; another file is named ("(external_placements.csv line 4)"). `always`
 * names even a single row.
 */
function linesText(rows: readonly Holding[], anchorFile: string, always = false): string {
  const sorted = sortByPlace(rows);
  const sameFile = sorted.every((r) => r.at.file === sorted[0].at.file);
  if (!sameFile) return ` (rows at ${sorted.map((r) => `${r.at.file}:${r.at.line}`).join(', ')})`;
  const lines = listLines(sorted.map((r) => r.at.line));
  if (sorted[0].at.file !== anchorFile) return ` (${sorted[0].at.file} ${sorted.length > 1 ? 'lines' : 'line'} ${lines})`;
  if (sorted.length > 1) return ` (rows at lines ${lines})`;
  return always ? ` (line ${lines})` : '';
}

export function listLines(lines: number[]): string {
  return lines.length <= 6 ? lines.join(', ') : `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more`;
}
