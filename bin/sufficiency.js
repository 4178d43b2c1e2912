#!/usr/bin/env node
// The CLI as bundled by scripts/bundle.mjs at build time (dist/cli/main.js is the unbundled original).
import '../dist/cli/sufficiency.js';
