#!/usr/bin/env node
// The CLI as bundled by scripts/bundle.mjs at build time (dist/cli/main.js is the unbundled original).
import v8 from 'node:v8';

// Each thread of runs compiles the model's hot functions afresh, so a 100-run command on two cores
// pays V8's optimising compiler twice, early, while it runs cold code. Half the default inlining
// budget (920 bytecodes) makes smaller code sooner: central's 100 runs take about 8% less wall time
// and CPU, and 1,000 runs no longer (a budget of 100 gains a little more on 100 runs but costs
// 1,000 runs 4%; docs/performance.md §14). Set before any of our code is read, so that it holds
// for this thread and the worker threads it starts. It changes no result.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=400');
await import('../dist/cli/sufficiency.js');
