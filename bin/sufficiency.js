#!/usr/bin/env node
// The CLI as bundled by scripts/bundle.mjs at build time (dist/cli/main.js is the unbundled original).
import v8 from 'node:v8';

// V8 compiles the model's hot functions on a background thread for each thread of runs, and a
// 100-run command pays that compilation twice on two cores: with its default inlining budget it
// is about a quarter of the command's CPU. A smaller budget compiles smaller code sooner for about
// 8% less wall time and CPU (docs/performance.md §14). Set before any of our code is read, so it
// holds for this thread and the worker threads it starts; it changes no result.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
await import('../dist/cli/sufficiency.js');
