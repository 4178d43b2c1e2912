// The text of a scenario template (`sufficiency template --scenario FILE`, docs/methodology.md,
// "Writing a scenario"): a scenario that extends the shipped `central` and changes nothing, with
// every key of the registry written out below it as a comment that says what the key means, its
// kind and units, and its default, ready to be uncommented and set. Generated from the registry, so
// a new parameter appears in the next template without anyone touching this file.
import { defaultText, formsText, kindText } from './docs.js';
import { REGISTRY, fieldsOf, isNumericRow, leafName, type Row, type When } from './registry.js';

/** Width the comments are wrapped to. */
const WIDTH = 100;

/**
 * A value to show after a key where the default is not one (a required field, a map by LA, a
 * horizon counted from the data's base year). Illustrations only: a comment never takes effect.
 */
const EXAMPLES: Record<string, string> = {
  'horizon.to': '2035',
  'demand.rate': '{ 2024: 0.0, 2027-28: -0.02 }',
  'demand.rate_by_la': '{ Cardiff: -0.02 }',
  'demand.mean_years_in_care_by_la': '{ Cardiff: 3.2 }',
  'foster_wales.net_new_places_by_la': '{ Cardiff: { 2027: 20 } }',
  'foster_wales.net_new_places': '{ 2027: { triangular: [60, 120, 200] } }',
  deflator: '0.02',
  'unplaced_weekly_cost_gbp': '8000',
  'outside_wales.places': '{ 2027: 400 }',
  'mix_shift[].from': 'residential',
  'mix_shift[].to': 'foster',
  'mix_shift[].share': '0.01',
  'transitions[].year': '2028',
  'transitions[].sector': 'fp',
  'transitions[].placement_type': 'residential',
  'transitions[].exit': '0.1',
  'transitions[].convert': '0.3',
  'transitions[].source': '"analyst assumption"',
  'regional_residential[].host': 'Powys',
  'regional_residential[].year': '2028',
  'regional_residential[].places': '4',
};

/**
 * What central sets, as YAML text to write after each key: for a parameter (by registry path) its
 * value (a year map, a map by LA or sector, a distribution as written), and for a list its items.
 * Keys central leaves at their default are absent. From its assumptions log, so sources are left out.
 */
export interface CentralValues {
  values: ReadonlyMap<string, string>;
  items: ReadonlyMap<string, readonly string[]>;
}

export function centralValues(parameters: ReadonlyArray<{ path: string; value: unknown; source: string | null }>): CentralValues {
  const set = parameters.filter((p) => p.source !== 'default');
  const values = new Map<string, string>();
  const items = new Map<string, string[]>();
  for (const row of REGISTRY) {
    if (row.path.includes('[].')) continue;
    if (row.kind === 'list') {
      const item = new RegExp(`^${row.path}\\[(\\d+)\\](?:\\.(\\w+))?$`);
      const byIndex = new Map<number, Record<string, unknown>>();
      for (const p of set) {
        const m = item.exec(p.path);
        if (!m) continue;
        const it = byIndex.get(Number(m[1])) ?? {};
        if (m[2] === undefined) Object.assign(it, p.value as Record<string, unknown>);
        else it[m[2]] = p.value;
        byIndex.set(Number(m[1]), it);
      }
      if (byIndex.size > 0) items.set(row.path, [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, it]) => flow(it)));
      continue;
    }
    const own = set.filter((p) => p.path === row.path || p.path.startsWith(`${row.path}.`));
    if (own.length === 0) continue;
    const exact = own.find((p) => p.path === row.path);
    if (exact !== undefined && own.length === 1) {
      values.set(row.path, flow(exact.value));
      continue;
    }
    // A year map, a map by LA (with its `default`), by sector or by type: nested by the path's rest.
    const map: Record<string, unknown> = {};
    for (const p of own) {
      const keys = p.path === row.path ? ['default'] : p.path.slice(row.path.length + 1).split('.');
      let at = map;
      for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
      at[keys[keys.length - 1]] = p.value;
    }
    values.set(row.path, flow(map));
  }
  return { values, items };
}

/** A value as YAML flow text: `0.03`, `fp`, `{ 2024: 0, 2026: -0.01 }`, `{ triangular: [60, 120, 200] }`. */
function flow(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return /^[A-Za-z0-9_.-]+$/.test(v) && !/^(true|false|null|yes|no)$/i.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  return `{ ${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${flow(x)}`)
    .join(', ')} }`;
}

/**
 * The template for a file whose name (stem) is `name`. With `central` (what the shipped central
 * sets), a key central sets shows central's value, so that uncommenting it changes nothing, and a
 * list shows central's items, since a list replaces the inherited one whole.
 */
export function scenarioTemplate(name: string, central: CentralValues = { values: new Map(), items: new Map() }): string {
  const lines = [
    `# ${name}: a scenario for sufficiency, written by \`sufficiency template --scenario\`.`,
    '#',
    ...wrap('It extends the shipped `central` (the expected path) and changes nothing yet, so that `sufficiency diff central THIS_FILE` shows the effect of exactly what you set here. To set a key, delete the "# " before it (and before the map that holds it), keep the indentation, and write your value. Record why in `assumptions`. Check the file with `sufficiency validate --scenario THIS_FILE`.', '# '),
    '#',
    ...wrap('Every numeric parameter takes one value for every year; a year map, each value holding from its year until the next key ({ 2024: 0.0, 2027: -0.02 }; a key may be a financial year, 2027-28); a distribution for Monte Carlo runs ({ triangular: [min, mode, max] }, { normal: [mean, sd] }, { uniform: [low, high] }); or { value: 0.3, source: "where it comes from" }. A date after horizon.to never takes effect (validate warns). The full reference is docs/scenarios.md.', '# '),
    '',
    `name: ${name}`,
    `title: ${name} - central with (say what changes)`,
    'extends: central',
    '',
    '# The assumptions you sign off (the assumptions log): an id, what is assumed, its source and owner,',
    "# and the parameters it covers (an inherited assumption whose covers you all set again leaves the log).",
    '# assumptions:',
    '#   - { id: A1, text: "what is assumed", source: "where it comes from", owner: "who signs it off", covers: [demand.rate] }',
  ];
  let group: string | null = null;
  for (const row of REGISTRY) {
    if (row.path.includes('[].')) continue; // a list's fields: with their list
    const top = row.path.split('.')[0];
    const nested = row.path.includes('.');
    if (top !== group) {
      lines.push('');
      if (nested) lines.push(`# ${top}:`);
      group = top;
    }
    // Under a map the descriptions are comments within the comment (`#   # ...`), so that deleting
    // the leading "# " of a block leaves them comments.
    const indent = nested ? '  ' : '';
    const inCentral = central.values.get(row.path);
    lines.push(...describe(row, nested ? '#   # ' : '# ', '', inCentral));
    if (row.kind === 'list') lines.push(...listExample(row.path, central.items.get(row.path)));
    else lines.push(`#${indent} ${leafName(row.path)}: ${inCentral ?? exampleOf(row)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A list's key, its fields documented, then central's items (else one example item). */
function listExample(list: string, centralItems: readonly string[] | undefined): string[] {
  const fields = fieldsOf(list);
  const out = [`# ${list}:`];
  for (const f of fields) out.push(...describe(f, '#   # ', `${leafName(f.path)}: `));
  if (centralItems !== undefined) {
    out.push(...wrap(`central's ${centralItems.length} rows: a list replaces the inherited one whole, so keep the rows you still want and add yours.`, '#   # '));
    out.push(...centralItems.map((it) => `#   - ${it}`));
    return out;
  }
  const shown = fields.filter((f) => EXAMPLES[f.path] !== undefined).map((f) => `${leafName(f.path)}: ${EXAMPLES[f.path]}`);
  out.push(`#   - { ${shown.join(', ')} }`);
  return out;
}

/** What a key means, its kind and forms, its default and when it is in force, as wrapped comment lines. */
function describe(row: Row, prefix: string, lead = '', inCentral?: string): string[] {
  const when = (row as { when?: When }).when;
  const whens = when === undefined ? [] : Array.isArray(when) ? when : [when];
  const forms = formsText(row);
  const dflt = defaultText(row);
  const facts = [
    `${lead}${row.doc}`,
    `Kind: ${kindText(row)}${forms !== '' ? `; written as ${forms}` : ''}.`,
    dflt !== '' ? `Default: ${dflt}${inCentral !== undefined ? `; central: ${inCentral}` : ''}.` : inCentral !== undefined ? `Central: ${inCentral}.` : '',
    whens.length > 0 ? `Only when ${whens.map((w: { path: string; equals: unknown }) => `${w.path} is ${String(w.equals)}`).join(' and ')}.` : '',
  ];
  return wrap(facts.filter((f) => f !== '').join(' ').replace(/[`*]/g, ''), prefix);
}

/** The value shown after a key: an example where one is set, else its default. */
function exampleOf(row: Row): string {
  if (EXAMPLES[row.path] !== undefined) return EXAMPLES[row.path];
  const d = (row as { default?: unknown }).default;
  if (isNumericRow(row) && row.sameAs !== undefined) return 'null';
  if (d === undefined || d === null) return 'null';
  return String(d);
}

/** Words wrapped to WIDTH, each line starting with `prefix`. */
function wrap(text: string, prefix: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > WIDTH) {
      out.push(prefix + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(prefix + line);
  return out;
}
