import { defineConfig } from 'vitest/config';

// Creating a PGlite database takes several seconds here (STACK.md).
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
