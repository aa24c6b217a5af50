import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const appNames = ['kiosk', 'wallboard', 'console'] as const;

/** The sha256 sources of each built app's inline boot script, for the Content-Security-Policy. */
export function inlineScriptHashes(appsDir: string): string[] {
  const hashes = new Set<string>();
  for (const app of appNames) {
    const file = join(appsDir, app, 'build', '200.html');
    if (!existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)) {
      hashes.add(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
    }
  }
  return [...hashes];
}

/**
 * Serves each built SvelteKit app under its name. Unknown paths outside /_app/ get the app's 200.html so deep links
 * work; hashed assets are cached forever, HTML never; brotli or gzip when the browser takes it.
 */
export async function registerStaticApps(app: FastifyInstance, appsDir: string): Promise<void> {
  for (const name of appNames) {
    const root = join(appsDir, name, 'build');
    app.get(`/${name}`, (_req, reply) => reply.redirect(`/${name}/`));
    if (!existsSync(join(root, '200.html'))) {
      app.get(`/${name}/*`, (_req, reply) =>
        reply
          .code(503)
          .type('text/plain')
          .send(`The ${name} app is not built yet: run "pnpm build" at the repository root.`),
      );
      continue;
    }
    await app.register(
      async (scope) => {
        await scope.register(fastifyStatic, {
          root,
          prefix: '/',
          index: ['200.html'],
          wildcard: true,
          // The build wrote .br and .gz beside each asset (scripts/precompress.mjs): sent as they are.
          preCompressed: true,
          setHeaders: (res, path) => {
            res.header(
              'cache-control',
              path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
            );
          },
        });
        scope.setNotFoundHandler((req, reply) => {
          const path = req.url.split('?')[0] ?? '';
          if ((req.method === 'GET' || req.method === 'HEAD') && !path.includes('/_app/')) {
            return reply.type('text/html').header('cache-control', 'no-cache').sendFile('200.html');
          }
          return reply.code(404).send({ ok: false, code: 'NOT_FOUND', message: 'Not found' });
        });
      },
      { prefix: `/${name}` },
    );
  }
}
