import type { Environment } from 'vitest/environments';

/**
 * Node, with modules transformed as for the browser: Svelte compiles runes state for the client, so effects run
 * in tests as they do on the kiosk (the default node environment compiles them for server rendering, where
 * effects never run). No DOM: these tests drive state, not markup.
 */
export default {
  name: 'runes',
  viteEnvironment: 'client',
  setup: () => ({ teardown() {} }),
} satisfies Environment;
