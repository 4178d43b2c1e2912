// The backtest's words (`sufficiency backtest --lang`), in English and Welsh, keyed alike; merged
// into the one label table of labels.ts. Method names (`trend_5_damped_0.8`) are codes and never change.
// Welsh terms: docs/glossary-cy.csv (rhagolwg, gwall, gogwydd await a translator's review there).

export const BACKTEST_EN = {
  'backtest.intro':
    'Backtest of the demand methods on {data}: every method is fitted on the published figures up to each origin year it can (LAs: {laOrigins}; {nation}: {nationOrigins}), forecasts the published figures after it, and is scored beside the naive forecast (the last published figure carried forward).',
  'backtest.figures': 'Figures: {published} published; {estimated} marked estimated left out (an estimate is often built from later figures).',
  'backtest.flows': 'Flows: from the flows of the year to each origin’s 31 March (origins {nation}: {nationOrigins}; LAs: {laOrigins}, where every LA has a published figure there or its own row); mean time in care = children looked after a year earlier ÷ those who ceased.',
  'backtest.flowsNone': 'Flows: none in the data, so the flows method is not scored.',
  'backtest.nationOwn': '{nation}: scored on its own published figures.',
  'backtest.nationSum': '{nation}: scored on the LAs’ figures summed where every LA has one.',
  'backtest.key':
    'Ranked by the LA-level mean absolute percentage error (MAPE) 1 to {h} years ahead. Bias: mean signed error (+ = forecast too high). Naive: the naive forecast’s MAPE at the same points. Better, worse: points (LA × origin × horizon) where its error is below or above the naive forecast’s. p: one-sided paired sign test. A method wins only over at least {min} points with p below {alpha}; one scored at fewer is not ranked.',
  'backtest.th.rank': 'rank',
  'backtest.th.method': 'method',
  'backtest.th.points': 'points',
  'backtest.th.mape': 'LA MAPE',
  'backtest.th.bias': 'LA bias',
  'backtest.th.naive': 'naive',
  'backtest.th.better': 'better',
  'backtest.th.worse': 'worse',
  'backtest.th.p': 'p',
  'backtest.th.nation': '{nation} MAPE',
  'backtest.th.verdict': 'verdict',
  'backtest.wins': 'wins',
  'backtest.noBetter': 'no better than the naive forecast',
  'backtest.naive': 'the naive forecast',
  'backtest.naiveRank': 'The naive forecast ranks {rank} of {n} at LA level (MAPE {mape}).',
  'backtest.choiceWins': 'Best at LA level: {method}, MAPE {mape} against the naive {naive} on the same {points} points, better at {better} and worse at {worse} ({p}): it wins, and a baseline built on this data should use it.',
  'backtest.choiceNaive': 'Best-ranked method at LA level: {method}, MAPE {mape} against the naive {naive} on the same {points} points, better at {better} and worse at {worse} ({p}): no better than the naive forecast, so a baseline built on this data should carry the last figure forward (demand: change at rate 0).',
  'backtest.choiceOnlyNaive': 'The naive forecast ranks first at LA level: no method beats it, so a baseline built on this data should carry the last figure forward (demand: change at rate 0).',
  'backtest.nationBest': '{nation}: best {method}, MAPE {mape} against the naive {naive} ({verdict}).',
} as const;

export const BACKTEST_CY: Record<keyof typeof BACKTEST_EN, string> = {
  'backtest.intro':
    'Ôl-brawf o’r dulliau galw ar {data}: caiff pob dull ei ffitio ar y ffigurau cyhoeddedig hyd at bob blwyddyn darddiad bosibl (awdurdodau lleol: {laOrigins}; {nation}: {nationOrigins}), mae’n rhagweld y ffigurau cyhoeddedig ar ei hôl, ac fe’i sgorir wrth ochr y rhagolwg naïf (y ffigur cyhoeddedig diwethaf wedi’i gario ymlaen).',
  'backtest.figures': 'Ffigurau: {published} cyhoeddedig; {estimated} a nodir yn amcangyfrifon wedi’u gadael allan (mae amcangyfrif yn aml wedi’i seilio ar ffigurau diweddarach).',
  'backtest.flows': 'Llifoedd: o lifoedd y flwyddyn hyd at 31 Mawrth pob blwyddyn darddiad (blynyddoedd tarddiad {nation}: {nationOrigins}; awdurdodau lleol: {laOrigins}, lle mae gan bob awdurdod ffigur cyhoeddedig bryd hynny neu ei res ei hun); hyd cymedrig mewn gofal = plant sy’n derbyn gofal flwyddyn ynghynt ÷ y rhai a beidiodd â derbyn gofal.',
  'backtest.flowsNone': 'Llifoedd: dim yn y data, felly ni sgorir y dull llifoedd.',
  'backtest.nationOwn': '{nation}: wedi’i sgorio ar ei ffigurau cyhoeddedig ei hun.',
  'backtest.nationSum': '{nation}: wedi’i sgorio ar ffigurau’r awdurdodau lleol wedi’u hadio lle mae gan bob awdurdod un.',
  'backtest.key':
    'Yn nhrefn cyfartaledd y gwall canrannol absoliwt (MAPE) ar lefel awdurdod lleol 1 i {h} blynedd ymlaen. Gogwydd: cyfartaledd y gwall gydag arwydd (+ = rhagolwg yn rhy uchel). Naïf: MAPE y rhagolwg naïf ar yr un pwyntiau. Gwell, gwaeth: pwyntiau (awdurdod × blwyddyn darddiad × gorwel) lle mae ei wall yn is neu’n uwch na gwall y rhagolwg naïf. p: prawf arwyddion pâr unochrog. Mae dull yn ennill dim ond dros o leiaf {min} pwynt gyda p yn is na {alpha}; ni roddir safle i ddull a sgoriwyd ar lai.',
  'backtest.th.rank': 'safle',
  'backtest.th.method': 'dull',
  'backtest.th.points': 'pwyntiau',
  'backtest.th.mape': 'MAPE ALl',
  'backtest.th.bias': 'gogwydd ALl',
  'backtest.th.naive': 'naïf',
  'backtest.th.better': 'gwell',
  'backtest.th.worse': 'gwaeth',
  'backtest.th.p': 'p',
  'backtest.th.nation': 'MAPE {nation}',
  'backtest.th.verdict': 'dyfarniad',
  'backtest.wins': 'yn ennill',
  'backtest.noBetter': 'dim gwell na’r rhagolwg naïf',
  'backtest.naive': 'y rhagolwg naïf',
  'backtest.naiveRank': 'Mae’r rhagolwg naïf yn safle {rank} o {n} ar lefel awdurdod lleol (MAPE {mape}).',
  'backtest.choiceWins': 'Gorau ar lefel awdurdod lleol: {method}, MAPE {mape} yn erbyn {naive} y rhagolwg naïf ar yr un {points} pwynt, yn well ar {better} ac yn waeth ar {worse} ({p}): mae’n ennill, a dylai llinell sylfaen ar y data hyn ei ddefnyddio.',
  'backtest.choiceNaive': 'Y dull uchaf ar lefel awdurdod lleol: {method}, MAPE {mape} yn erbyn {naive} y rhagolwg naïf ar yr un {points} pwynt, yn well ar {better} ac yn waeth ar {worse} ({p}): dim gwell na’r rhagolwg naïf, felly dylai llinell sylfaen ar y data hyn gario’r ffigur diwethaf ymlaen (demand: change ar gyfradd 0).',
  'backtest.choiceOnlyNaive': 'Y rhagolwg naïf sydd gyntaf ar lefel awdurdod lleol: nid oes dull yn ei guro, felly dylai llinell sylfaen ar y data hyn gario’r ffigur diwethaf ymlaen (demand: change ar gyfradd 0).',
  'backtest.nationBest': '{nation}: gorau {method}, MAPE {mape} yn erbyn {naive} y rhagolwg naïf ({verdict}).',
};
