import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // one fixed fast-check seed unless PROPERTY_SEED is set (README, "Development")
    setupFiles: ['test/setup/properties.ts'],
  },
});
