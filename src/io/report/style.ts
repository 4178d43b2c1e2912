// The report's style sheet: inline in the HTML (nothing is fetched), laid out to fit a 1280-pixel
// window and an A4 page without sideways scrolling (docs/methodology.md, "The report: fitting the page").
export const STYLE = `
:root { --ink: #111; --muted: #505050; --rule: #d0d0d0; --s: #0072B2; --b: #B36B00; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.45; }
main { max-width: 1120px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h1 .sub { display: block; font-size: 1.15rem; font-weight: normal; color: var(--muted); margin-top: .25rem; }
h2 { font-size: 1.4rem; margin: 2.4rem 0 .6rem; padding-bottom: .25rem; border-bottom: 3px solid var(--s); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .2rem; }
h4 { font-size: 1rem; margin: 1rem 0 .2rem; }
p { max-width: 48rem; }
.lede { font-size: 1.1rem; }
.meta, .note, footer, .unit, caption { color: var(--muted); }
.meta { font-size: .9rem; }
.answer { font-size: 1.08rem; border-left: 4px solid var(--s); padding: .2rem 0 .2rem .8rem; }
nav ol { columns: 2; margin: 0; padding-left: 1.2rem; }
nav a { color: var(--s); }
h2.toc { font-size: 1.1rem; border: 0; margin: 1.2rem 0 .3rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; font-variant-numeric: tabular-nums; margin: .4rem 0 1rem; }
caption { text-align: left; font-size: .85rem; padding: .2rem 0; caption-side: top; }
th, td { padding: .25rem .45rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; font-weight: bold; }
th[scope=row], td.series, thead th:first-child { text-align: left; white-space: nowrap; }
tr.nation th, tr.nation td { font-weight: bold; }
tr.s td, tr.b td { border-bottom: 0; }
tr.diff td { font-style: italic; color: #333; }
td.series.s::before { content: "\\25CF\\00A0"; color: var(--s); }
td.series.b::before { content: "\\25A0\\00A0"; color: var(--b); }
.range { display: block; font-size: .78em; color: var(--muted); font-style: normal; font-weight: normal; white-space: nowrap; }
.yes, .no { font-size: .8em; font-weight: bold; padding: 0 .25em; border: 1px solid currentColor; border-radius: 3px; }
.no { color: #A11; }
.yes { color: #155724; }
table.text td, table.text th { text-align: left; }
table.text td.num { text-align: right; }
table.narrow { width: auto; }
table.params { font-size: .78rem; table-layout: fixed; }
table.params th:nth-child(1) { width: 30%; }
table.params th:nth-child(2) { width: 25%; }
table.log { table-layout: fixed; }
table.log th:nth-child(1) { width: 4rem; }
table.log th:nth-child(3) { width: 28%; }
table.log th:nth-child(4) { width: 8rem; }
/* Long values (paths, sources, parameter values) wrap inside their column, never widening the page. */
table.text td, table.text th { overflow-wrap: anywhere; word-break: break-word; }
ul.rules { max-width: 48rem; padding-left: 1.2rem; }
ul.rules li { margin: .3rem 0; }
.marks { font-size: .85rem; }
code, .code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .92em; color: var(--muted); }
figure { margin: 1rem 0 .5rem; }
figcaption { display: flex; gap: .8rem; align-items: baseline; }
figcaption h3, figcaption h4 { margin: 0; }
svg.chart { display: block; }
.unavailable { color: var(--muted); border: 1px dashed var(--rule); padding: .5rem .8rem; }
.method p { max-width: 44rem; }
.pointer { font-style: italic; }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .5rem; font-size: .85rem; }
@media (max-width: 700px) { main { padding: 1rem; } nav ol { columns: 1; } }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  nav { break-after: page; }
  nav a { color: inherit; text-decoration: none; }
  h2 { break-before: page; break-after: avoid; margin-top: 0; }
  h3, h4, figcaption { break-after: avoid; }
  figure, .answer, tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 7.5pt; }
  table.headline th, table.figures th { white-space: normal; }
  thead { display: table-header-group; }
  svg.chart { max-width: 100% !important; }
  .metric { break-inside: auto; }
}
`;
