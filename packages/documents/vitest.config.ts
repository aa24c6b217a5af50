import { defineConfig } from 'vitest/config';

// PDF and chart rendering are CPU-bound; the shared machines are slow under load.
export default defineConfig({ test: { testTimeout: 30_000 } });
