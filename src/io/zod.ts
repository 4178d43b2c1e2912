// zod as the scenario and data-package checks use it. Each schema checks one or two documents per
// run, so zod's compiled fast path (code it builds with `new Function` at an object schema's first
// parse) costs more than it saves: jitless mode checks the same way and gives the same issues,
// without it (about 5 ms of CPU less when loading a scenario, cold).
import { z } from 'zod';

z.config({ jitless: true });

export { z };
