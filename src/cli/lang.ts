// `--lang en|cy`, which every command accepts (an analyst who works in Welsh sets it everywhere): the
// language of what the command shows; errors and warnings stay in English (docs/methodology.md,
// "Flags and languages").
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { isLang, type Lang } from '../i18n/labels.js';

export function langOption(what: string): Option {
  return new Option('--lang <lang>', `language of ${what}: en or cy (Welsh)`).default('en');
}

/** The language `--lang` names, or a usage error saying what it accepts. */
export function parseLang(raw: string): Lang {
  if (!isLang(raw)) throw new UsageError(`--lang: expected en or cy, found "${raw}"`);
  return raw;
}
