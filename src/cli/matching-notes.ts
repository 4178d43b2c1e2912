// What a table comparing scenarios says of their matching (docs/methodology.md, "Writing a
// scenario"): one paragraph whatever the number of scenarios. When they match children alike the
// note is said once, without names; when they differ, each scenario's note is named.
import type { Lang } from '../i18n/labels.js';
import { matchingNote, type LoadedScenario } from './pipeline.js';

export function matchingNotes(scenarios: readonly LoadedScenario[], lang: Lang = 'en'): string | null {
  const notes = scenarios.map((s) => ({ name: s.name, note: matchingNote(s, lang) }));
  const said = notes.filter((n): n is { name: string; note: string } => n.note !== null);
  if (said.length === 0) return null;
  if (said.length === notes.length && said.every((n) => n.note === said[0].note)) return said[0].note;
  return said.map((n) => `${n.name}: ${n.note}`).join(' ');
}
