/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit()],
  // Runes state is tested as the browser runs it (see runes-environment.ts).
  test: { environment: './runes-environment.ts' },
  server: {
    port: 5173,
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/api': server,
    },
  },
});
