// Kept in step with package.json by a test, so the binary need not read package.json at start-up.
export const VERSION = '0.1.0';
