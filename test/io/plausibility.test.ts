// One bad fixture per plausibility rule (docs/methodology.md, "Checks on the data"), each a variation
// of the tiny package of test/fixtures/io/make_fixtures.py: Isle of Anglesey (W06000001) looks after
// 95 children at 2023-03-31 and 100 at 2024-03-31, Cardiff (W06000015) 50 at 2024-03-31, so the
// nation (no row of its own) looks after 100 + 50 = 150 at the base date. Providers: LA1 la foster
// 70 places at Anglesey, LA15 la foster 45 at Cardiff, P1 fp residential 20 at Cardiff.
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../src/io/dataset.js';
import { formatProblem } from '../../src/errors.js';

const FIX = 'test/fixtures/io';

async function load(name: string) {
  const { dataset, problems } = await loadDataset(`${FIX}/${name}`);
  return { dataset, lines: problems.map(formatProblem).map((l) => l.replace(`${FIX}/${name}/`, '')) };
}

describe('external_placements against the dataset (errors)', () => {
  it('a placing authority that is one of the dataset\'s own LAs, by its Welsh name', async () => {
    const { dataset, lines } = await load('external-own-la');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'external_placements.csv:2:placing_authority: expected an authority outside the dataset, found "Caerdydd", which is Cardiff (W06000015), one of its own LAs: its children belong in placements (counted here too, they would count twice)',
    ]);
  });

  it('more children of other authorities at one host than both the nation\'s children looked after and the places there', async () => {
    // 500 at Anglesey > max(150 children looked after, 70 places at Anglesey) = 150: an error. The
    // same 500 beside Anglesey's own 60 also overfill its 70 la foster places: the capacity warning.
    const { dataset, lines } = await load('external-huge');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'external_placements.csv:2:children: 500 children of other authorities at Isle of Anglesey (W06000001): expected at most the nation\'s 150 children looked after at the base date or the 70 places listed there, whichever is more',
      'placements.csv:2:children: warning: 60 children are placed in la foster at Isle of Anglesey (W06000001), and 500 children of other authorities (test/fixtures/io/external-huge/external_placements.csv line 2), but providers list only 70 places there',
    ]);
  });

  it('a count beyond any nation (99,999,999,999) is refused in its cell', async () => {
    const { dataset, lines } = await load('count-too-large');
    expect(dataset).toBeNull();
    expect(lines).toEqual(['external_placements.csv:2:children: expected a whole number of children of at most 1000000, found "99999999999" (no nation has so many)']);
  });

  it('a provider_id listed at another LA or for another type says where it is, in either file', async () => {
    const { lines } = await load('provider-elsewhere');
    expect(lines).toEqual([
      'external_placements.csv:2:provider_id: unknown provider "P1": expected a provider_id that providers lists with foster places at Isle of Anglesey (W06000001) (it has residential places at Cardiff (W06000015))',
      'placements.csv:6:provider_id: unknown provider "LA15": expected a provider_id that providers lists with residential places at Cardiff (W06000015) (it has foster places at Cardiff (W06000015))',
    ]);
  });
});

describe('children against places (warnings)', () => {
  it('the dataset\'s own children and other authorities\' together beyond a host\'s places', async () => {
    // Cardiff la foster: 40 own + 10 external = 50 > 45 places; each alone fits.
    const { dataset, lines } = await load('external-over-capacity');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      'placements.csv:5:children: warning: 40 children are placed in la foster at Cardiff (W06000015), and 10 children of other authorities (test/fixtures/io/external-over-capacity/external_placements.csv line 2), but providers list only 45 places there',
    ]);
  });

  it('children pinned to a provider beyond its own places, though the host has room', async () => {
    // P2 holds 10 with 5 places; fp residential at Cardiff holds 10 + 10 = 20 of P1's 20 + P2's 5 = 25.
    const { dataset, lines } = await load('provider-over-places');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual(['placements.csv:6:children: warning: provider "P2" lists only 5 places for residential at Cardiff (W06000015), but holds 10 children (line 6)']);
  });

  it('a provider with 0 places holding children', async () => {
    const { lines } = await load('provider-no-places');
    expect(lines).toEqual(['placements.csv:6:children: warning: provider "P2" lists 0 places for residential at Cardiff (W06000015), but holds 10 children (line 6)']);
  });
});

describe('a provider_id where no provider can be (warnings)', () => {
  it('on a non-market placement, and outside the nation', async () => {
    const { dataset, lines } = await load('provider-where-none');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      'placements.csv:4:provider_id: warning: provider "P1" is ignored: a kinship placement has no provider (only foster, residential and secure placements are held by providers)',
      'placements.csv:7:provider_id: warning: provider "P1" is ignored: providers lists places in the nation only, and these children are placed outside it',
    ]);
  });
});

describe('sizes against the nation (warnings)', () => {
  it('one provider with more places than the nation has children looked after', async () => {
    // 700 > 150.
    const { dataset, lines } = await load('provider-huge');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual(['providers.csv:2:places: warning: provider "LA1" lists 700 foster places at Isle of Anglesey (W06000001), more than the nation\'s 150 children looked after at the base date']);
  });

  it('a strategy that opens more places than the nation has children looked after', async () => {
    const { lines } = await load('strategy-huge');
    expect(lines).toEqual([
      'strategies.csv:2:places: warning: Cardiff (W06000015) plans to open 400 la residential places at Cardiff (W06000015) in 2025-26: more than the nation\'s 150 children looked after at the base date',
    ]);
  });

  it('a recruit of anything but foster places (read as open)', async () => {
    const { dataset, lines } = await load('strategy-recruit-home');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual(['strategies.csv:2:action: warning: recruit is for foster carers (foster places), found for residential: read as open (write open for new residential places)']);
  });

  it('a strategy that closes more places than are open there by then', async () => {
    // fp residential at Cardiff: P1's 20 places; the close asks for 30.
    const { dataset, lines } = await load('strategy-close-beyond');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      'strategies.csv:2:places: warning: closes 30 fp residential places at Cardiff (W06000015) in 2025-26, but only 20 are open there by then (providers and earlier strategies): only those can close',
    ]);
  });
});

describe('demand_history against the nation\'s row and itself', () => {
  it('an LA above the nation\'s own row is an error (and the sum is not reported again)', async () => {
    // Anglesey 100 > the nation's 90.
    const { dataset, lines } = await load('demand-la-above-nation');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'demand_history.csv:3:children: Isle of Anglesey (W06000001) has 100 children looked after at 2024-03-31, more than the nation\'s own row (90 at test/fixtures/io/demand-la-above-nation/demand_history.csv:5): an LA is part of its nation',
    ]);
  });

  it('the LAs together above the nation\'s row by more than 1% warn', async () => {
    // 100 + 50 = 150 > 140 × 1.01 = 141.4.
    const { dataset, lines } = await load('demand-sum-above-nation');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual(['demand_history.csv:5:children: warning: the dataset\'s LAs hold 150 children looked after at 2024-03-31 together, more than this row of the nation (140) by more than 1%']);
  });

  it('a count that changes by more than a factor of 2 (and 20 children) in one year warns', async () => {
    // 950 -> 100: 950 > 2 × 100 and 850 > 20.
    const { lines } = await load('demand-jump');
    expect(lines).toEqual([
      'demand_history.csv:3:children: warning: Isle of Anglesey (W06000001) goes from 950 children looked after at 2023-03-31 (line 2) to 100 at 2024-03-31: a change by more than a factor of 2 in one year (a digit typed twice or lost?)',
    ]);
  });
});

describe('flows against the nation\'s row and the stock', () => {
  it('an LA\'s starters above the nation\'s row', async () => {
    // 40 > 30; its ceased 35 ≤ 40 pass. Stock: 95 + 40 − 35 = 100, as demand_history says.
    const { dataset, lines } = await load('flows-la-above-nation');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'flows.csv:3:started: Isle of Anglesey (W06000001): 40 children started in 2023-24, more than the nation\'s row (30 at test/fixtures/io/flows-la-above-nation/flows.csv:2), which holds the dataset\'s LAs together',
    ]);
  });

  it('the LAs\' rows together above the nation\'s row', async () => {
    // started 40 + 25 = 65 > 60; ceased 35 + 20 = 55, not above 55.
    const { dataset, lines } = await load('flows-sum-above-nation');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'flows.csv:2:started: the LAs\' own rows of 2023-24 add up to 65 children started, more than this row of the nation (60), which holds the dataset\'s LAs together',
    ]);
  });

  it('more than 5 times the LA\'s children looked after is an error', async () => {
    // 600 and 595 > 5 × 100 = 500.
    const { dataset, lines } = await load('flows-huge');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'flows.csv:2:started: 600 children started in 2023-24: more than 5 times Isle of Anglesey (W06000001)\'s children looked after (100 at 2024-03-31), which no care population turns over in a year',
      'flows.csv:2:ceased: 595 children ceased in 2023-24: more than 5 times Isle of Anglesey (W06000001)\'s children looked after (100 at 2024-03-31), which no care population turns over in a year',
    ]);
  });

  it('more than the LA\'s children looked after warns', async () => {
    // 60 and 55 > 50 (but not > 250).
    const { dataset, lines } = await load('flows-large');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      'flows.csv:2:started: warning: 60 children started in 2023-24: more than Cardiff (W06000015)\'s children looked after (50 at 2024-03-31); in Wales about 0.3 times as many children as are looked after start (or cease) in a year',
      'flows.csv:2:ceased: warning: 55 children ceased in 2023-24: more than Cardiff (W06000015)\'s children looked after (50 at 2024-03-31); in Wales about 0.3 times as many children as are looked after start (or cease) in a year',
    ]);
  });

  it('more children ceasing than were looked after at the start plus those who started', async () => {
    // 99 > 95 + 0.
    const { dataset, lines } = await load('flows-ceased-beyond');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'flows.csv:2:ceased: 99 children ceased to be looked after in 2023-24, more than Isle of Anglesey (W06000001) looked after at its start (95 at 2023-03-31) and started during it (0) together',
    ]);
  });

  it('a stock that does not add up (start + started − ceased against the end) warns', async () => {
    // 95 + 40 − 10 = 125 against 100: 25 apart, more than 10 children and 10% of 100.
    const { dataset, lines } = await load('flows-stock-gap');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual([
      'flows.csv:2: warning: Isle of Anglesey (W06000001): 95 children looked after at 2023-03-31 + 40 started − 10 ceased = 125, but demand_history has 100 at 2024-03-31 (25 apart; more than 10 children and 10% warns)',
    ]);
  });
});

describe('costs (warnings)', () => {
  it('a weekly cost of 0', async () => {
    const { dataset, lines } = await load('cost-zero');
    expect(dataset).not.toBeNull();
    expect(lines.filter((l) => l.includes('weekly_cost_gbp'))).toEqual([
      'costs.csv:2:weekly_cost_gbp: warning: a weekly cost of 0 for la foster in_wales: these placements will cost nothing in cost_gbp (leave the row out to leave their cost empty)',
    ]);
  });

  it('a weekly cost above £50,000', async () => {
    const { lines } = await load('cost-huge');
    expect(lines.filter((l) => l.includes('weekly_cost_gbp'))).toEqual([
      'costs.csv:2:weekly_cost_gbp: warning: a weekly cost of £520000 for fp residential in_wales: more than £50000 a week (pence written as pounds?)',
    ]);
  });
});

describe('codes and names that must tell things apart', () => {
  it('two LAs with the same name (folded: "Ynys Mon" is "Ynys Môn")', async () => {
    const { dataset, lines } = await load('la-same-name');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'local_authorities.csv:3:name_cy: "Ynys Mon" already names Isle of Anglesey (W06000001) (line 2): each code and name must tell one LA from the others, or rows that use it would go to one of them unseen',
    ]);
  });

  it('an LA named as the nation (datapackage.json "nation")', async () => {
    const { dataset, lines } = await load('la-named-as-nation');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'local_authorities.csv:3:name_en: "Cardiff" is also the nation\'s code or name (Cardiff, E92000001; datapackage.json "nation"): rows that name it would mean the nation, not this LA',
    ]);
  });

  it('one provider_id in two sectors is an error', async () => {
    const { dataset, lines } = await load('provider-two-sectors');
    expect(dataset).toBeNull();
    expect(lines).toEqual(['providers.csv:5:sector: expected fp, the sector of provider "P1" at line 4, found "nfp": one provider_id is one provider (give another id to another provider)']);
  });

  it('one provider_id under two names warns', async () => {
    const { dataset, lines } = await load('provider-two-names');
    expect(dataset).not.toBeNull();
    expect(lines).toEqual(['providers.csv:5:provider_name: warning: expected "Synthetic homes", the name of provider "P1" at line 4, found "Other homes": one provider_id is one provider']);
  });
});

describe('the shipped Wales data', () => {
  it('passes every plausibility rule without a problem', async () => {
    // Its LAs add up to within 0.5% of the nation's rows; its nation flows satisfy the stock identity
    // exactly in 2022-23 and 2023-24 (7,053 + 1,940 − 1,805 = 7,188; 7,188 + 1,990 − 1,980 = 7,198).
    const { dataset, problems } = await loadDataset('data/wales');
    expect(dataset).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
