import { defineConfig } from 'vitest/config';

// Each test file opens its own databases; creating a PGlite one takes seconds here (STACK.md).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, include: ['test/**/*.spec.ts', 'src/**/*.spec.ts'] },
});
