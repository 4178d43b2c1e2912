// The plan's closing note of the LA's base figures that the dataset marks as estimated rather than
// published (docs/model.md §2.3), in the plan's language: its children looked after at the base date and its
// base-date placements, read from the data files' `status` column (src/io/report/estimates.ts), with
// their sources (the data's words, as written); and the providers whose row is estimated, which the
// plan names as synthetic.
import { readEstimates } from '../io/report/estimates.js';
import { makeLaResolver } from '../common/la-names.js';
import type { Lang } from '../i18n/labels.js';
import type { Dataset } from '../model/types.js';

const TEXT = {
  en: {
    children: (year: number, n: string, source: string) => `children looked after at 31 March ${year}: ${n} (${source})`,
    placements: (year: number, n: string, rows: number, sources: string) => `placements at 31 March ${year} by type, sector and host: ${n} children in ${rows} rows, split by estimate (${sources})`,
    noSource: 'no source given',
  },
  cy: {
    children: (year: number, n: string, source: string) => `plant sy’n derbyn gofal ar 31 Mawrth ${year}: ${n} (${source})`,
    placements: (year: number, n: string, rows: number, sources: string) =>
      `lleoliadau ar 31 Mawrth ${year} yn ôl math, sector a lleoliad: ${n} o blant mewn ${rows} rhes, wedi’u rhannu drwy amcangyfrif (${sources})`,
    noSource: 'dim ffynhonnell wedi’i rhoi',
  },
} as const;

export async function estimatedBaseFigures(dataDir: string, dataset: Dataset, laCode: string, lang: Lang = 'en'): Promise<{ lines: string[]; syntheticProviders: Set<string> }> {
  const estimates = await readEstimates(dataDir, dataset.baseYear);
  const w = TEXT[lang];
  // The files may name LAs as the loader accepts them (code, English or Welsh name).
  const resolver = makeLaResolver(dataset.localAuthorities);
  const isLa = (text: string): boolean => resolver.resolve(text)?.code === laCode;
  const lines: string[] = [];
  for (const b of estimates.base.filter((e) => isLa(e.laCode))) lines.push(w.children(dataset.baseYear, b.children.toLocaleString('en-GB'), b.source || w.noSource));
  const placements = estimates.placements.filter((e) => isLa(e.laCode));
  if (placements.length > 0) {
    const children = placements.reduce((s, p) => s + p.children, 0);
    const sources = [...new Set(placements.flatMap((p) => p.source.split(';').map((x) => x.trim())).filter((x) => x))].sort();
    lines.push(w.placements(dataset.baseYear, children.toLocaleString('en-GB'), placements.length, sources.join(', ') || w.noSource));
  }
  return { lines, syntheticProviders: new Set(estimates.providers) };
}
