// What `validate`, `scenarios` and `template` print to standard output, in English and Welsh
// (`--lang`). Kept beside labels.ts, typed the same way (the Welsh table must hold every English key),
// so that these commands' few lines have one place; errors and warnings stay in English, as the
// README says. Welsh terms follow docs/glossary-cy.csv; those marked there for a translator's review
// (senario, gwall, rhybudd) are used as marked.
import type { Lang } from './labels.js';

const EN = {
  'validate.las': '{n} LAs',
  'validate.children': '{n} children',
  'validate.errors.one': '1 error',
  'validate.errors': '{n} errors',
  'validate.warnings.one': '1 warning',
  'validate.warnings': '{n} warnings',
  'validate.scenarios.valid.one': '1 scenario valid',
  'validate.scenarios.valid': '{n} scenarios valid',
  'validate.scenarios.alone': ' on their own (their LAs, regions and years wait for a valid dataset)',
  'validate.scenarios.bad': ', {n} with errors',
  'validate.scenarios.notChecked': 'scenarios not checked',
  'validate.scenarios.noFolder': 'no scenarios folder {dir}',
  'scenarios.none': '{dir}: no scenarios (*.yaml files) in this folder',
  'template.wrote': '{dir}: wrote {files}',
} as const;

export type CommandLabelKey = keyof typeof EN;

const CY: Record<CommandLabelKey, string> = {
  'validate.las': '{n} awdurdod lleol',
  'validate.children': '{n} o blant',
  'validate.errors.one': '1 gwall',
  'validate.errors': '{n} gwall',
  'validate.warnings.one': '1 rhybudd',
  'validate.warnings': '{n} rhybudd',
  'validate.scenarios.valid.one': '1 senario yn ddilys',
  'validate.scenarios.valid': '{n} senario yn ddilys',
  'validate.scenarios.alone': ' ar eu pen eu hunain (mae eu hawdurdodau lleol, eu rhanbarthau a’u blynyddoedd yn aros am set ddata ddilys)',
  'validate.scenarios.bad': ', {n} gyda gwallau',
  'validate.scenarios.notChecked': 'ni wiriwyd y senarios',
  'validate.scenarios.noFolder': 'dim ffolder senarios {dir}',
  'scenarios.none': '{dir}: dim senarios (ffeiliau *.yaml) yn y ffolder hon',
  'template.wrote': '{dir}: ysgrifennwyd {files}',
};

export const COMMAND_LABELS: Record<Lang, Record<CommandLabelKey, string>> = { en: EN, cy: CY };

/** A command's line in the language, its {placeholders} filled. */
export function commandLabel(lang: Lang, key: CommandLabelKey, vars: Record<string, string | number> = {}): string {
  return COMMAND_LABELS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "1 error" or "3 errors" (the Welsh keeps the noun singular after a numeral). */
export function countLabel(lang: Lang, key: 'validate.errors' | 'validate.warnings' | 'validate.scenarios.valid', n: number): string {
  return n === 1 ? commandLabel(lang, `${key}.one`) : commandLabel(lang, key, { n });
}
