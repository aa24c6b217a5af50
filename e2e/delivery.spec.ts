import { expect, test } from '@playwright/test';

// What a clinic's network carries: every app's scripts compressed, cached for good, and the HTML never stale.
// Static files, the same whatever the database: tagged to run once.
for (const app of ['kiosk', 'wallboard', 'console']) {
  test(
    `${app}: scripts come brotli-compressed and immutable, the page itself is revalidated`,
    {
      tag: '@one-db',
    },
    async ({ request }) => {
      const page = await request.get(`/${app}/`);
      expect(page.status()).toBe(200);
      expect(page.headers()['cache-control']).toBe('no-cache');
      const html = await page.text();
      const scripts = [...html.matchAll(/(?:href|src)="([^"]+\.js)"/g)].map(
        (m) => new URL(m[1]!, page.url()).pathname,
      );
      expect(scripts.length).toBeGreaterThan(0);
      for (const path of scripts) {
        const script = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
        expect(script.status(), path).toBe(200);
        expect(script.headers()['content-encoding'], path).toBe('br');
        expect(script.headers()['cache-control'], path).toContain('immutable');
        const gzipOnly = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
        expect(gzipOnly.headers()['content-encoding'], path).toBe('gzip');
      }
    },
  );
}
