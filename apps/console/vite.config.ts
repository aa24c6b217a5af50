import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 5175,
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/api': server,
    },
  },
});
