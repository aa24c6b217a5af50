import { defineConfig } from 'vitest/config';

// Property tests run hundreds of cases; on a loaded 2-core CI machine they need more than the default 5 s.
export default defineConfig({ test: { testTimeout: 30_000 } });
