// zod as the scenario and data-package checks use it, imported as a namespace of its functions so
// that the bundle keeps only those we call (about 140 KB of zod's 750, which V8 reads at every start
// of a command that checks a scenario or a data package; scripts/bundle.mjs also drops the message
// translations zod re-exports).
//
// Each schema checks one or two documents per run, so zod's compiled fast path (code it builds with
// `new Function` at an object schema's first parse) costs more than it saves: jitless mode checks
// the same way and gives the same issues, without it (about 5 ms of CPU less loading a scenario).
import * as z from 'zod';

z.config({ jitless: true });

export * from 'zod';
