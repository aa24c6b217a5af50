import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // A single-page app served by apps/server under /kiosk/; 200.html answers every deep link.
    adapter: adapter({ fallback: '200.html' }),
    paths: { base: '/kiosk', relative: false },
    // The server's CSP allows the boot script by the hash it reads from the built 200.html.
    csp: { mode: 'hash' },
  },
};

export default config;
