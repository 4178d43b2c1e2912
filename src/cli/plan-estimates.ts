// The plan's closing note of the LA's base figures that the dataset marks as estimated rather than
// published (SPEC 2.3): its children looked after at the base date and its base-date placements,
// read from the data files' `status` column (src/io/report/estimates.ts), with their sources.
import { readEstimates } from '../io/report/estimates.js';
import { makeLaResolver } from '../io/la-names.js';
import type { Dataset } from '../model/types.js';

export async function estimatedBaseFigures(dataDir: string, dataset: Dataset, laCode: string): Promise<string[]> {
  const estimates = await readEstimates(dataDir, dataset.baseYear);
  // The files may name LAs as the loader accepts them (code, English or Welsh name).
  const resolver = makeLaResolver(dataset.localAuthorities);
  const isLa = (text: string): boolean => resolver.resolve(text)?.code === laCode;
  const out: string[] = [];
  for (const b of estimates.base.filter((e) => isLa(e.laCode))) {
    out.push(`children looked after at 31 March ${dataset.baseYear}: ${b.children.toLocaleString('en-GB')} (${b.source || 'no source given'})`);
  }
  const placements = estimates.placements.filter((e) => isLa(e.laCode));
  if (placements.length > 0) {
    const children = placements.reduce((s, p) => s + p.children, 0);
    const sources = [...new Set(placements.flatMap((p) => p.source.split(';').map((x) => x.trim())).filter((x) => x))].sort();
    out.push(
      `placements at 31 March ${dataset.baseYear} by type, sector and host: ${children.toLocaleString('en-GB')} children in ${placements.length} rows, split by estimate (${sources.join(', ') || 'no source given'})`,
    );
  }
  return out;
}
