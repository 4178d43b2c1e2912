// What a table comparing scenarios says of their matching (docs/methodology.md, "Writing a
// scenario"): one paragraph whatever the number of scenarios. When they match children alike the
// note is said once, without names; when they differ, each scenario's note is named.
import { label, type Lang } from '../i18n/labels.js';
import type { MatchingSettings } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';

/** What the table's notes say of the matching, or null under the least-distance rules. */
export function matchingNote(loaded: LoadedScenario, lang: Lang = 'en'): string | null {
  const m = loaded.spec.matching as MatchingSettings | undefined;
  if (m === undefined || m.method !== 'choice') return null;
  return label(lang, m.calibrate ? 'table.choiceCalibrated' : 'table.choiceByHand');
}

export function matchingNotes(scenarios: readonly LoadedScenario[], lang: Lang = 'en'): string | null {
  const notes = scenarios.map((s) => ({ name: s.name, note: matchingNote(s, lang) }));
  const said = notes.filter((n): n is { name: string; note: string } => n.note !== null);
  if (said.length === 0) return null;
  if (said.length === notes.length && said.every((n) => n.note === said[0].note)) return said[0].note;
  return said.map((n) => `${n.name}: ${n.note}`).join(' ');
}
