// The report's page on how the model works, written from the rules the resolved scenario actually
// uses (docs/methodology.md, "The report: how the model works"): placement choice or least distance,
// held or occupancy places, whole services or shares of places, the cap on placements outside Wales,
// and the rounding to whole children. Nothing here is fixed text about one scenario: a sentence is
// chosen by the rule in force, so a report cannot describe another model than the one it ran.
// Pure: a scenario in, paragraphs out.
import type { Lang } from '../../i18n/labels.js';
import type { ModelScenario } from '../../model/types.js';

/** The rules a scenario runs under, as the method page states them. */
export interface ModelRules {
  matching: 'choice' | 'least_distance';
  /** Under choice: fitted to the base date (true) or set by hand. */
  calibrated: boolean;
  usablePlaces: 'occupancy' | 'held';
  /** What the transitions act on: all `places`, all `services`, or `mixed` (some transitions say otherwise). */
  transitionUnit: 'places' | 'services' | 'mixed';
  /** Placements outside Wales: not allowed, allowed without a cap, or capped in some year. */
  outsideWales: 'closed' | 'open' | 'capped' | 'held';
  /** How turnover endings become whole children: largest remainder, or unbiased controlled rounding. */
  rounding: 'largest_remainder' | 'unbiased';
}

export function rulesOf(s: ModelScenario): ModelRules {
  const unit = s.transitionUnit ?? 'places';
  const units = new Set(s.transitions.map((t) => t.unit ?? unit));
  const cap = s.outsideWales.places;
  const capped = cap === 'held' || (cap !== null && [cap.initial, ...cap.steps.map(([, v]) => v)].some((v) => Number.isFinite(v)));
  return {
    matching: s.matching?.method ?? 'least_distance',
    calibrated: s.matching?.calibrate ?? false,
    usablePlaces: s.usablePlaces ?? 'occupancy',
    transitionUnit: units.size > 1 ? 'mixed' : units.size === 1 ? [...units][0] : unit,
    outsideWales: !s.outsideWales.allowed ? 'closed' : cap === 'held' ? 'held' : capped ? 'capped' : 'open',
    rounding: s.rounding ?? 'largest_remainder',
  };
}

type Sentences = {
  matching: Record<'choice.calibrated' | 'choice.byHand' | 'least_distance', string>;
  usable: Record<ModelRules['usablePlaces'], string>;
  unit: Record<ModelRules['transitionUnit'], string>;
  outside: Record<ModelRules['outsideWales'], string>;
  rounding: Record<ModelRules['rounding'], string>;
  choiceRounding: string;
  heading: string;
};

const EN: Sentences = {
  heading: 'The rules the model uses',
  matching: {
    'choice.calibrated':
      'Placement choice: a child needing a new placement may go to any place the scenario allows, nearer places being more likely, with local authority, then not-for-profit, then for-profit providers preferred; how much distance, the own authority and outside Wales weigh is fitted so that the base date is a steady state. So a run is one draw of which child takes which place.',
    'choice.byHand':
      'Placement choice: a child needing a new placement may go to any place the scenario allows, nearer places being more likely, with local authority, then not-for-profit, then for-profit providers preferred; how much distance, the own authority and outside Wales weigh is set by hand in the scenario. So a run is one draw of which child takes which place.',
    least_distance:
      'Least distance: children needing a new placement are matched to the usable vacancies first in their own authority, then their region, then the rest of Wales and outside Wales, preferring local authority, then not-for-profit, then for-profit providers, each child to the nearest place allowed.',
  },
  usable: {
    occupancy: 'Usable places: each provider can fill its registered places times the year’s occupancy for its type, less the children of other authorities it holds.',
    held: 'Usable places: each provider of the base date can fill the places it then held (its children at 31 March of the base year), new places their registered places times the occupancy, less the children of other authorities it holds.',
  },
  unit: {
    places: 'Providers leaving or converting: each transition takes the same share of every service’s places.',
    services: 'Providers leaving or converting: whole services leave or convert, drawn at random until the transition’s share of places is reached, so which services go is one draw per run.',
    mixed: 'Providers leaving or converting: some transitions take whole services, drawn at random, others the same share of every service’s places.',
  },
  outside: {
    closed: 'Outside Wales: no child is newly placed outside Wales.',
    open: 'Outside Wales: children may be newly placed outside Wales without a cap, at the scenario’s distance from home.',
    capped: 'Outside Wales: the children newly placed outside Wales in a year are capped as the scenario says (England’s cap); beyond it, a child with no place in Wales is unplaced.',
    held: 'Outside Wales: England takes as many new placements a year as it did at the base date (each type’s children outside Wales then times its turnover); beyond that, a child with no place in Wales is unplaced.',
  },
  rounding: {
    largest_remainder: 'Whole children: every share is turned into whole children by the largest-remainder rule, ties broken in a fixed order, so that parts add up to their totals.',
    unbiased: 'Whole children: which placements end each year is drawn by unbiased controlled rounding, so that on average every group loses exactly its share and totals are kept; a run is one draw.',
  },
  choiceRounding: 'The placement-choice flows become whole children by unbiased controlled rounding: each count is the flow rounded down or up at random, every authority’s total kept and no place over-filled, so that on average children are where the flows put them.',
};

const CY: Sentences = {
  heading: 'Y rheolau y mae’r model yn eu defnyddio',
  matching: {
    'choice.calibrated':
      'Dewis lleoliad: gall plentyn sydd angen lleoliad newydd fynd i unrhyw le y mae’r senario yn ei ganiatáu, gyda lleoedd agosach yn fwy tebygol, gan ffafrio awdurdodau lleol, yna darparwyr nid-er-elw, yna darparwyr er elw; mae pwysau’r pellter, yr awdurdod ei hun a’r tu allan i Gymru wedi’u ffitio fel bod y dyddiad sylfaen yn sefyllfa sefydlog. Felly un tyniad yw pob rhediad o ba blentyn sy’n cymryd pa le.',
    'choice.byHand':
      'Dewis lleoliad: gall plentyn sydd angen lleoliad newydd fynd i unrhyw le y mae’r senario yn ei ganiatáu, gyda lleoedd agosach yn fwy tebygol, gan ffafrio awdurdodau lleol, yna darparwyr nid-er-elw, yna darparwyr er elw; mae pwysau’r pellter, yr awdurdod ei hun a’r tu allan i Gymru wedi’u gosod â llaw yn y senario. Felly un tyniad yw pob rhediad o ba blentyn sy’n cymryd pa le.',
    least_distance:
      'Y pellter lleiaf: mae plant sydd angen lleoliad newydd yn cael eu paru â’r lleoedd gwag y gellir eu defnyddio yn gyntaf yn eu hawdurdod eu hunain, yna yn eu rhanbarth, yna yng ngweddill Cymru a’r tu allan i Gymru, gan ffafrio awdurdodau lleol, yna darparwyr nid-er-elw, yna darparwyr er elw, pob plentyn i’r lle agosaf a ganiateir.',
  },
  usable: {
    occupancy: 'Lleoedd y gellir eu defnyddio: gall pob darparwr lenwi ei leoedd cofrestredig wedi’u lluosi â chyfradd defnydd y flwyddyn ar gyfer ei fath, llai plant awdurdodau eraill sydd ganddo.',
    held: 'Lleoedd y gellir eu defnyddio: gall pob darparwr ar y dyddiad sylfaen lenwi’r lleoedd a oedd ganddo bryd hynny (ei blant ar 31 Mawrth y flwyddyn sylfaen), a lleoedd newydd eu lleoedd cofrestredig wedi’u lluosi â’r gyfradd defnydd, llai plant awdurdodau eraill sydd ganddo.',
  },
  unit: {
    places: 'Darparwyr yn gadael neu’n newid: mae pob newid yn cymryd yr un gyfran o leoedd pob gwasanaeth.',
    services: 'Darparwyr yn gadael neu’n newid: mae gwasanaethau cyfan yn gadael neu’n newid, wedi’u tynnu ar hap nes cyrraedd cyfran y lleoedd, felly un tyniad ym mhob rhediad yw pa wasanaethau sy’n mynd.',
    mixed: 'Darparwyr yn gadael neu’n newid: mae rhai newidiadau’n cymryd gwasanaethau cyfan, wedi’u tynnu ar hap, ac eraill yr un gyfran o leoedd pob gwasanaeth.',
  },
  outside: {
    closed: 'Y tu allan i Gymru: nid oes unrhyw blentyn yn cael ei leoli o’r newydd y tu allan i Gymru.',
    open: 'Y tu allan i Gymru: gellir lleoli plant o’r newydd y tu allan i Gymru heb gap, ar bellter y senario o’r cartref.',
    capped: 'Y tu allan i Gymru: mae cap ar y plant a leolir o’r newydd y tu allan i Gymru mewn blwyddyn, fel y dywed y senario (cap Lloegr); y tu hwnt iddo, mae plentyn heb le yng Nghymru heb le.',
    held: 'Y tu allan i Gymru: mae Lloegr yn cymryd cymaint o leoliadau newydd bob blwyddyn ag ar y dyddiad sylfaen (plant pob math y tu allan i Gymru bryd hynny wedi’u lluosi â’i drosiant); y tu hwnt i hynny, mae plentyn heb le yng Nghymru heb le.',
  },
  rounding: {
    largest_remainder: 'Plant cyfan: mae pob cyfran yn cael ei throi’n blant cyfan drwy reol y gweddill mwyaf, gyda chlymau’n cael eu torri mewn trefn sefydlog, fel bod y rhannau’n adio i’w cyfansymiau.',
    unbiased: 'Plant cyfan: mae pa leoliadau sy’n dod i ben bob blwyddyn yn cael ei dynnu drwy dalgrynnu rheoledig diduedd, fel bod pob grŵp ar gyfartaledd yn colli ei gyfran yn union a’r cyfansymiau’n cael eu cadw; un tyniad yw pob rhediad.',
  },
  choiceRounding: 'Mae llifoedd dewis lleoliad yn troi’n blant cyfan drwy dalgrynnu rheoledig diduedd: mae pob cyfrif yn llif wedi’i dalgrynnu i lawr neu i fyny ar hap, gan gadw cyfanswm pob awdurdod a heb orlenwi unrhyw le, fel bod plant ar gyfartaledd lle mae’r llifoedd yn eu rhoi.',
};

/** The method page's sentences for a scenario's rules, in order, in the language. */
export function ruleSentences(rules: ModelRules, lang: Lang): { heading: string; sentences: string[] } {
  const w = lang === 'cy' ? CY : EN;
  const matching = rules.matching === 'choice' ? (rules.calibrated ? 'choice.calibrated' : 'choice.byHand') : 'least_distance';
  const rounding = [w.rounding[rules.rounding], ...(rules.matching === 'choice' ? [w.choiceRounding] : [])];
  return { heading: w.heading, sentences: [w.matching[matching], w.usable[rules.usablePlaces], w.unit[rules.transitionUnit], w.outside[rules.outsideWales], ...rounding] };
}
